// A route's answer that is a file to save rather than JSON: the server sends it as it is, with a
// content-disposition that makes the browser download it under its name.
export class Download {
  constructor(
    readonly body: string,
    readonly contentType: string,
    /** [A-Za-z0-9._-] only: it goes into a header unquoted-safe. */
    readonly filename: string,
  ) {
    if (!/^[A-Za-z0-9._-]+$/.test(filename)) throw new Error(`download: '${filename}' is not a safe file name`);
  }

  get headers(): Record<string, string> {
    return { 'content-disposition': `attachment; filename="${this.filename}"` };
  }
}
