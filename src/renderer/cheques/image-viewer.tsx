import { useEffect, useState } from 'react';
import type { ChequeImage } from '../../shared/contract/cheques';
import type { FileOut } from '../../shared/contract/io';
import { useT } from '../i18n/use-t';
import { objectUrlOf } from '../lib/download';
import { Dialog } from '../ui/dialog';

/** A scanned image at full size (scrolls when larger than the window). */
export function ImageViewer({ image, file, onClose }: { image: ChequeImage; file: FileOut; onClose: () => void }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = objectUrlOf(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return (
    <Dialog title={<bdi>{image.fileName}</bdi>} onClose={onClose} size="large" testId="cheque-image-view">
      {url && <img className="cheque-image-full" src={url} alt={t.cheques.scanAlt(image.fileName)} />}
    </Dialog>
  );
}
