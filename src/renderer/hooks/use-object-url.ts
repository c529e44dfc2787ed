import { useEffect, useState } from 'react';
import type { FileOut } from '../../shared/contract/io';
import { objectUrlOf } from '../lib/download';

/** A blob: address for a file from the engine while the component shows it; freed when it closes or the file changes. */
export function useObjectUrl(file: FileOut): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = objectUrlOf(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return url;
}
