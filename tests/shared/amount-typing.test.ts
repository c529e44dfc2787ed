/** Thousands grouped as an amount is typed: each script, the caret, pastes, deleting a separator, and text left alone. */
import { groupAmountInput, parseAmount } from '../../src/shared/text/amount';

/** Types `keys` one by one at the end, as a user does, returning the field's text after each. */
function typeAll(keys: string): string[] {
  let text = '';
  const seen: string[] = [];
  for (const k of keys) {
    const r = groupAmountInput(text, text + k, text.length + 1, 'insertText');
    expect(r.caret).toBe(r.text.length);
    text = r.text;
    seen.push(text);
  }
  return seen;
}

describe('groupAmountInput', () => {
  test('Latin digits typed one by one are grouped with commas', () => {
    expect(typeAll('1234567')).toEqual(['1', '12', '123', '1,234', '12,345', '123,456', '1,234,567']);
  });

  test('Persian digits are grouped with the Arabic thousands separator; the value stays the same', () => {
    const seen = typeAll('۱۲۵۰۰۰۰۰۰');
    expect(seen.at(-1)).toBe('۱۲۵٬۰۰۰٬۰۰۰');
    expect(seen[3]).toBe('۱٬۲۵۰');
    expect(parseAmount(seen.at(-1)!)).toBe(125_000_000);
    expect(groupAmountInput('', '١٢٣٤', 4).text).toBe('۱٬۲۳۴'); // Arabic-Indic digits shown as Persian
  });

  test('pastes of grouped text are kept and regrouped', () => {
    expect(groupAmountInput('', '1,234,000', 9, 'insertFromPaste')).toEqual({ text: '1,234,000', caret: 9 });
    expect(groupAmountInput('', '۱٬۲۳۴٬۰۰۰', 9, 'insertFromPaste')).toEqual({ text: '۱٬۲۳۴٬۰۰۰', caret: 9 });
    expect(groupAmountInput('', '1 234 000', 9, 'insertFromPaste').text).toBe('1,234,000');
    expect(groupAmountInput('', '12,34,000', 9, 'insertFromPaste').text).toBe('1,234,000');
  });

  test('the caret stays after the same digit when typing in the middle', () => {
    // '1,234' with the caret after '1': typing 5 gives '15234' → '15,234', caret after '5'.
    const r = groupAmountInput('1,234', '15,234', 2, 'insertText');
    expect(r).toEqual({ text: '15,234', caret: 2 });
    // '12,345' caret after '3' (index 4): typing 9 → '123,945' caret after '9'.
    expect(groupAmountInput('12,345', '12,3945', 5, 'insertText')).toEqual({ text: '123,945', caret: 5 });
    // Deleting a digit in the middle: '1,234,567' minus '4' → '123,567' with the caret after '3'.
    expect(groupAmountInput('1,234,567', '1,23,567', 4, 'deleteContentBackward')).toEqual({ text: '123,567', caret: 3 });
  });

  test('Backspace just after a separator deletes the digit before it; Delete just before one, the digit after it', () => {
    expect(groupAmountInput('1,234', '1234', 1, 'deleteContentBackward')).toEqual({ text: '234', caret: 0 });
    expect(groupAmountInput('۱٬۲۳۴', '۱۲۳۴', 1, 'deleteContentForward')).toEqual({ text: '۱۳۴', caret: 1 });
  });

  test('what is not digits is left exactly as typed', () => {
    expect(groupAmountInput('۱۲', '۱۲.۵', 4)).toEqual({ text: '۱۲.۵', caret: 4 });
    expect(groupAmountInput('12', '12a', 3)).toEqual({ text: '12a', caret: 3 });
    expect(groupAmountInput('1', '', 0)).toEqual({ text: '', caret: 0 });
  });
});
