import type { ioApi } from '../../shared/contract/io.api';
import type { Handlers } from '../kernel/handlers';
import type { createIoService } from './io.service';

export type IoDeps = { io: ReturnType<typeof createIoService> };

/** The handlers of `ioApi` (src/shared/contract/io.api.ts). */
export function ioHandlers({ io }: IoDeps): Handlers<typeof ioApi> {
  return {
    'io/import-preview': (input, hc) => io.preview(input, hc.lang),
    'io/import-commit': (input) => io.commit(input),
    'io/export': (input) => io.exportFile(input),
    'print/contacts': (input, hc) => io.print(input, hc.lang),
  };
}
