import { useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ChequeField, ChequeFont } from '../../shared/contract/cheque-print';
import { chequeFieldText, chequeFieldValue, fillSign, isUserTextField, type ChequeValuesData } from '../../shared/text/cheque-field-text';
import { fieldBox, PT_TO_MM } from './template-draft';
import { cssFontOf } from './use-cheque-fonts';

export type DragStart = (e: ReactPointerEvent, index: number, mode: 'move' | 'left' | 'right') => void;

type Props = {
  field: ChequeField;
  index: number;
  label: string;
  /** Direction of the UI language: the label sits over the box's start corner. */
  labelDir: 'rtl' | 'ltr';
  font: ChequeFont | undefined;
  sample: ChequeValuesData;
  selected: boolean;
  /** Changes whenever fonts finish loading: the text is measured again. */
  fontEpoch: number;
  onDragStart: DragStart;
};

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
/** Direction of the first letter (as the PDF shapes typed text); Persian when there is none. */
function textDir(field: ChequeField, sample: ChequeValuesData): 'rtl' | 'ltr' {
  if (!isUserTextField(field.kind)) return 'rtl';
  const first = /\p{L}/u.exec(chequeFieldValue(field, sample))?.[0];
  return first === undefined || RTL_LETTER.test(first) ? 'rtl' : 'ltr';
}

/**
 * One field on the leaf, in millimetres (the SVG's user space): its box from the font's ascender
 * to its descender, the baseline dashed, the sample text drawn on the baseline in the field's font
 * (shrunk to the box like the PDF, when asked), fill signs, and — when selected — edge handles to
 * change the width. Drag the box to move it.
 */
export function FieldShape({ field, index, label, labelDir, font, sample, selected, fontEpoch, onDragStart }: Props) {
  const textRef = useRef<SVGTextElement>(null);
  const signRef = useRef<SVGTextElement>(null);
  const [fit, setFit] = useState({ scale: 1, fill: 0 });
  const text = chequeFieldText(field, sample);
  const dir = textDir(field, sample);
  const css = cssFontOf(field.font);
  const sizeMm = field.sizePt * PT_TO_MM;
  const box = fieldBox(field, font);

  // Measure the drawn text: shrink to the box like the PDF does, and count the fill signs that fit.
  useLayoutEffect(() => {
    const width = textRef.current?.getComputedTextLength() ?? 0;
    const scale = field.shrink && width > field.widthMm ? field.widthMm / width : 1;
    const sign = signRef.current?.getComputedTextLength() ?? 0;
    const free = field.widthMm - width * scale - 0.5;
    const fill = field.fill && sign > 0 && free > 0 ? Math.floor(free / (sign * scale)) : 0;
    setFit((f) => (f.scale === scale && f.fill === fill ? f : { scale, fill }));
  }, [text, field.widthMm, field.shrink, field.fill, field.sizePt, field.font, field.guard, fontEpoch]);

  const right = field.xMm + field.widthMm;
  // text-anchor 'start' is the right end of right-to-left text.
  const anchorRight = dir === 'rtl' ? 'start' : 'end';
  const anchorLeft = dir === 'rtl' ? 'end' : 'start';
  const [x, anchor]: [number, 'start' | 'middle' | 'end'] =
    field.align === 'right' ? [right, anchorRight] : field.align === 'left' ? [field.xMm, anchorLeft] : [field.xMm + field.widthMm / 2, 'middle'];
  const fontSize = sizeMm * fit.scale;
  const fillText = fillSign(field).repeat(fit.fill);
  const handle = Math.min(2.2, field.widthMm / 4);

  return (
    <g
      className={`cheque-field${selected ? ' selected' : ''}`}
      data-testid={`cheque-field-${index}`}
      data-kind={field.kind}
      onPointerDown={(e) => onDragStart(e, index, 'move')}
    >
      <rect className="cheque-field-box" x={field.xMm} y={box.top} width={field.widthMm} height={box.height} />
      <line className="cheque-field-baseline" x1={field.xMm} x2={right} y1={field.yMm} y2={field.yMm} />
      <text className="cheque-field-label" x={labelDir === 'rtl' ? right : field.xMm} y={box.top - 0.6} direction={labelDir} textAnchor="start" fontSize={2.4}>
        {label}
      </text>
      <text
        ref={textRef}
        className="cheque-field-text"
        x={x}
        y={field.yMm}
        direction={dir}
        textAnchor={anchor}
        fontFamily={css.family}
        fontWeight={css.weight}
        fontSize={fontSize}
        data-testid={`cheque-field-text-${index}`}
      >
        {text}
      </text>
      <text ref={signRef} visibility="hidden" fontFamily={css.family} fontSize={sizeMm} x={0} y={0}>
        {fillSign(field)}
      </text>
      {fillText && (
        <text
          className="cheque-field-text"
          x={field.align === 'left' ? right : field.xMm}
          y={field.yMm}
          direction="ltr"
          textAnchor={field.align === 'left' ? 'end' : 'start'}
          fontFamily={css.family}
          fontSize={fontSize}
        >
          {fillText}
        </text>
      )}
      {selected && (
        <>
          <rect
            className="cheque-field-handle"
            x={field.xMm - handle / 2}
            y={box.top}
            width={handle}
            height={box.height}
            onPointerDown={(e) => {
              e.stopPropagation();
              onDragStart(e, index, 'left');
            }}
            data-testid={`cheque-field-${index}-left`}
          />
          <rect
            className="cheque-field-handle"
            x={right - handle / 2}
            y={box.top}
            width={handle}
            height={box.height}
            onPointerDown={(e) => {
              e.stopPropagation();
              onDragStart(e, index, 'right');
            }}
            data-testid={`cheque-field-${index}-right`}
          />
        </>
      )}
    </g>
  );
}
