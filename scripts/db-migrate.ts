import { startDatabase } from "../db/runtime";

// `npm run db:migrate`: applies db/migrations (startDatabase migrates before it returns).
const database = await startDatabase();
console.log("Migrations applied.");
await database.stop();
