/** The engine's handler map: one function per API method, typed from the contract. */
import type { Method, OutputOf, ParsedInputOf } from '../../shared/contract/api';

export type HandlerContext = { lang: 'fa' | 'en' };

export type Handlers = {
  [M in Method]: (input: ParsedInputOf<M>, hc: HandlerContext) => OutputOf<M> | Promise<OutputOf<M>>;
};
