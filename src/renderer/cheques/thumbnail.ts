/**
 * A small JPEG of a picked image, made in the page (canvas) so the engine needs no image library and
 * lists show scans without loading the full files. '' when the browser cannot decode the image.
 */
export async function makeThumbnail(file: Blob, maxSide = 360): Promise<string> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return '';
    // Transparent PNG scans get a white page, as paper is.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const url = canvas.toDataURL('image/jpeg', 0.82);
    return url.slice(url.indexOf(',') + 1);
  } catch {
    return '';
  }
}
