/**
 * The letterhead logo from its bytes, wherever they were read (a file beside the register, the
 * Drive templates folder): checked, and fitted into the letterhead's logo cell. A logo that
 * cannot be used leaves the cell empty and says why; it never stops a document.
 */
import { imageSize } from 'image-size';
import type { Gambar } from '../../core/dokumen/kontrak.js';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const MAX_LOGO_PIXELS = 10_000;
/** The logo cell of the letterhead: the logo is scaled to fit 3 × 2.2 cm, keeping its proportions. */
const LOGO_BOX_CM = { width: 3, height: 2.2 };
const EXTENSIONS: Record<string, Gambar['extension']> = { png: '.png', jpg: '.jpg', jpeg: '.jpeg', gif: '.gif' };

/** A logo over MAX_LOGO_BYTES: the slot stays empty and the warning says why. */
export function logoTooLarge(name: string): { logo: null; warning: string } {
  return { logo: null, warning: `Logo kop "${name}" lebih dari ${MAX_LOGO_BYTES / 1024 / 1024} MB; perkecil gambarnya. Tempat logo dibiarkan kosong.` };
}

/** The logo's bytes as the letterhead's image, fitted into its cell; a warning when unusable. */
export function logoOf(name: string, data: Uint8Array): { logo: Gambar | null; warning?: string } {
  if (data.byteLength > MAX_LOGO_BYTES) return logoTooLarge(name);
  let dim: ReturnType<typeof imageSize>;
  try {
    dim = imageSize(data);
  } catch {
    return { logo: null, warning: `Logo kop "${name}" bukan gambar PNG, JPG, atau GIF; tempat logo dibiarkan kosong.` };
  }
  const ext = EXTENSIONS[dim.type ?? ''];
  if (!ext || !dim.width || !dim.height) return { logo: null, warning: `Logo kop "${name}" bukan gambar PNG, JPG, atau GIF; tempat logo dibiarkan kosong.` };
  if (dim.width > MAX_LOGO_PIXELS || dim.height > MAX_LOGO_PIXELS) {
    return { logo: null, warning: `Logo kop "${name}" berukuran ${dim.width}×${dim.height} piksel; perkecil (paling besar ${MAX_LOGO_PIXELS} piksel per sisi). Tempat logo dibiarkan kosong.` };
  }
  const scale = Math.min(LOGO_BOX_CM.width / dim.width, LOGO_BOX_CM.height / dim.height);
  const round = (cm: number): number => Math.round(cm * 100) / 100;
  return { logo: { data, extension: ext, width: round(dim.width * scale), height: round(dim.height * scale) } };
}
