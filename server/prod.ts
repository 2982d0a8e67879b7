import { serverEnv } from "../app/lib/env.server";
import { boot } from "./boot";

process.env.NODE_ENV ??= "production";
await boot({ dev: false, ephemeralDatabase: serverEnv.TANDEM_EPHEMERAL_DB });
