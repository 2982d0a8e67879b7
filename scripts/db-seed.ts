import { startDatabase } from "../db/runtime";

// `npm run db:seed`: loads the demo data into an empty database (embedded unless DATABASE_URL is set).
const database = await startDatabase();
process.env.DATABASE_URL = database.url;
const { isDatabaseEmpty, seedDemo, printDemoLogins } = await import("../db/seed/demo");
const { closeDatabase } = await import("../db/client.server");
try {
  if (await isDatabaseEmpty()) {
    await seedDemo();
    console.log("Demo data loaded.");
  } else {
    console.log("The database already has people in it; demo data was not loaded again.");
  }
  printDemoLogins();
} finally {
  await closeDatabase();
  await database.stop();
}
