import { csvLine } from "./csv-text";

type Cells = readonly (string | number | boolean | null | undefined)[];

/**
 * A CSV file as a streamed download: a UTF-8 BOM (so Excel reads the text as UTF-8), the header,
 * then each page of rows as it is read — a big export is written page by page, never held whole.
 */
export function csvDownload(filename: string, header: Cells, pages: AsyncIterable<readonly Cells[]>): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + csvLine(header)));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
