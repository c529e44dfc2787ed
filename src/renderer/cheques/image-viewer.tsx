import type { ChequeImage } from '../../shared/contract/cheques';
import type { FileOut } from '../../shared/contract/io';
import { useT } from '../i18n/use-t';
import { useObjectUrl } from '../hooks/use-object-url';
import { Dialog } from '../ui/dialog';

/** A scanned image at full size (scrolls when larger than the window). */
export function ImageViewer({ image, file, onClose }: { image: ChequeImage; file: FileOut; onClose: () => void }) {
  const t = useT();
  const url = useObjectUrl(file);
  return (
    <Dialog title={<bdi>{image.fileName}</bdi>} onClose={onClose} size="large" testId="cheque-image-view">
      {url && <img className="cheque-image-full" src={url} alt={t.cheques.scanAlt(image.fileName)} />}
    </Dialog>
  );
}
