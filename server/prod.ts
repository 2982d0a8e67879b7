import { boot } from "./boot";

process.env.NODE_ENV ??= "production";
await boot({ dev: false, ephemeralDatabase: process.env.TANDEM_EPHEMERAL_DB === "1" });
