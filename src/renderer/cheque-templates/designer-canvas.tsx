import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { ChequeField, ChequeFont } from '../../shared/contract/cheque-print';
import type { ChequeValuesData } from '../../shared/text/cheque-field-text';
import { useLocale } from '../i18n/use-t';
import { FieldShape } from './field-shape';
import { nudgeOf, placeField, resizeField, type TemplateDraft } from './template-draft';

type Props = {
  draft: TemplateDraft;
  /** data: URL of the scan, or null. */
  background: string | null;
  backgroundOpacity: number;
  showGrid: boolean;
  /** Pixels per millimetre; null fits the leaf to the available width. */
  zoom: number | null;
  fonts: ChequeFont[];
  sample: ChequeValuesData;
  selected: number | null;
  onSelect: (index: number | null) => void;
  onFieldChange: (index: number, field: ChequeField | ((current: ChequeField) => ChequeField)) => void;
  onDelete: (index: number) => void;
};

type Drag = { index: number; mode: 'move' | 'left' | 'right'; start: { x: number; y: number }; field: ChequeField; pointerId: number };

/** Re-renders when web fonts finish loading, so sample text is measured in its real font. */
function useFontEpoch(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const bump = () => setEpoch((n) => n + 1);
    document.fonts.addEventListener('loadingdone', bump);
    void document.fonts.ready.then(bump);
    return () => document.fonts.removeEventListener('loadingdone', bump);
  }, []);
  return epoch;
}

/**
 * The leaf at scale: an SVG whose user space is millimetres (so what is drawn is what is stored),
 * the scan behind it (never printed), a 10 mm grid on request, and the fields. Drag a field to move
 * it, its edge handles to change its width; arrow keys nudge the selected field (Shift ×10, Alt
 * fine), Delete removes it, Esc lets go.
 */
export function DesignerCanvas(p: Props) {
  const { t, dir, digits } = useLocale();
  const m = t.chequeTemplates;
  const svgRef = useRef<SVGSVGElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [fitWidth, setFitWidth] = useState(800);
  const fontEpoch = useFontEpoch();
  const { widthMm, heightMm } = p.draft;

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setFitWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const pxPerMm = p.zoom ?? Math.max(1, (fitWidth - 32) / widthMm);

  /** Pointer position in leaf millimetres (the SVG's own coordinates). */
  const toMm = (e: { clientX: number; clientY: number }) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return { x: 0, y: 0 };
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { x: pt.x, y: pt.y };
  };

  const startDrag = (e: ReactPointerEvent, index: number, mode: Drag['mode']) => {
    if (e.button !== 0) return;
    const field = p.draft.fields[index];
    if (!field) return;
    e.preventDefault();
    p.onSelect(index);
    wrapRef.current?.focus({ preventScroll: true });
    svgRef.current?.setPointerCapture(e.pointerId);
    setDrag({ index, mode, start: toMm(e), field, pointerId: e.pointerId });
  };
  const move = (e: ReactPointerEvent) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const at = toMm(e);
    const dx = at.x - drag.start.x;
    const dy = at.y - drag.start.y;
    const f = drag.field;
    const next =
      drag.mode === 'move'
        ? placeField(f, f.xMm + dx, f.yMm + dy, p.draft)
        : resizeField(f, drag.mode, (drag.mode === 'left' ? f.xMm : f.xMm + f.widthMm) + dx, widthMm);
    p.onFieldChange(drag.index, next);
  };
  const end = (e: ReactPointerEvent) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    svgRef.current?.releasePointerCapture(e.pointerId);
    setDrag(null);
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (p.selected === null) return;
    const f = p.draft.fields[p.selected];
    if (!f) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      p.onSelect(null);
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      p.onDelete(p.selected);
      return;
    }
    const step = nudgeOf(e.key, e);
    if (!step) return;
    e.preventDefault();
    p.onFieldChange(p.selected, (cur) => placeField(cur, cur.xMm + step.dx, cur.yMm + step.dy, p.draft));
  };

  const gridLines: number[][] = [];
  if (p.showGrid) {
    for (let x = 10; x < widthMm; x += 10) gridLines.push([x, 0, x, heightMm]);
    for (let y = 10; y < heightMm; y += 10) gridLines.push([0, y, widthMm, y]);
  }
  const fontOf = new Map(p.fonts.map((f) => [f.key, f]));

  return (
    <div
      ref={wrapRef}
      className="cheque-canvas-wrap"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={m.canvasLabel}
      data-testid="cheque-canvas"
      data-px-per-mm={pxPerMm.toFixed(4)}
    >
      <svg
        ref={svgRef}
        className={`cheque-canvas${drag ? ' dragging' : ''}`}
        width={widthMm * pxPerMm}
        height={heightMm * pxPerMm}
        viewBox={`0 0 ${widthMm} ${heightMm}`}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onPointerDown={(e) => {
          if (e.target === e.currentTarget || (e.target as Element).classList.contains('cheque-leaf')) p.onSelect(null);
        }}
        data-testid="cheque-svg"
      >
        <rect className="cheque-leaf" x={0} y={0} width={widthMm} height={heightMm} />
        {p.background && (
          <image
            href={p.background}
            x={0}
            y={0}
            width={widthMm}
            height={heightMm}
            preserveAspectRatio="none"
            opacity={p.backgroundOpacity}
            pointerEvents="none"
            data-testid="cheque-background"
          />
        )}
        {gridLines.map(([x1, y1, x2, y2]) => (
          <line key={`${x1}-${y1}-${x2}-${y2}`} className="cheque-grid" x1={x1} y1={y1} x2={x2} y2={y2} />
        ))}
        {p.draft.fields.map((f, i) => (
          <FieldShape
            key={i}
            field={f}
            index={i}
            label={`${digits(i + 1)}. ${m.kinds[f.kind]}`}
            labelDir={dir}
            font={fontOf.get(f.font)}
            sample={p.sample}
            selected={p.selected === i}
            fontEpoch={fontEpoch}
            onDragStart={startDrag}
          />
        ))}
        <rect className="cheque-leaf-edge" x={0} y={0} width={widthMm} height={heightMm} pointerEvents="none" />
      </svg>
    </div>
  );
}
