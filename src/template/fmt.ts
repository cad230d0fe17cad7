/**
 * Go's `fmt` and `strconv` formatting as templates observe it (helm-render-spec.md §2.3, §8.6, §8.9): `%v`
 * printing of every Go value, `Sprint`/`Sprintln`/`Sprintf` with all verbs, flags and error forms,
 * `strconv.Quote`/`QuoteRune` and `strconv.FormatFloat`. The implementation lives in `fmt/`.
 */
export { formatValue, sprint, sprintf, sprintln, type FmtArg } from './fmt/printer.js';
export {
  canBackquote,
  goQuote,
  goQuoteRune,
  goQuoteRuneToASCII,
  goQuoteToASCII,
  isPrint,
} from './fmt/quote.js';
export { formatFloat, type FloatFormat } from './fmt/float.js';
export { goTypeOf as goTypeName } from '../values/model.js';
