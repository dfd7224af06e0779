/** The public path of a stored file. Storage keys are chosen by the server, never by an uploader. */
export function mediaPath(storageKey: string): string {
  return `/media/${storageKey}`;
}
