/** An image ready to go into the book as its cover. */
export interface CoverImage {
  data: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
  extension: 'jpg' | 'png';
  width: number;
  height: number;
  /** The file a named cover was read from (absolute, symlinks resolved); absent for a generated cover. */
  source?: string;
}

/** A generated cover, and the characters of its text no cover font has (left off it). */
export interface DrawnCover {
  image: CoverImage;
  missing: string[];
}

/** What the generated cover shows. */
export interface CoverInfo {
  title: string;
  subtitle?: string;
  authors: string[];
  series?: { name: string; position?: number };
}

export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;
/** Nothing but background is drawn in this outer band, so a reader's crop never cuts text. */
export const COVER_MARGIN = 110;
