/**
 * Serves the app (Express + Remix through Vite, as `npm run dev` does, but without HMR or the
 * database start-up) on PORT against DATABASE_URL, for tests that need a real server process.
 * Prints "listening" once it accepts requests.
 */
import { createServer } from "vite";
import { createApp } from "../../server/app";

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, logLevel: "error" });
const app = createApp({ vite });
const port = Number(process.env.PORT);
app.listen(port, "127.0.0.1", () => console.log("listening"));
