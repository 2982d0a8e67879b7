import { boot } from "./boot";

process.env.NODE_ENV ??= "development";
await boot({ dev: true });
