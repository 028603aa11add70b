// Conversions between the engine's spans and VS Code's positions and ranges, shared by the providers.
import { Position, Range } from 'vscode';
import type { Point, Span } from '../core/types';

export function toPosition(point: Point): Position {
  return new Position(point.line, point.character);
}

export function toRange(span: Span): Range {
  return new Range(toPosition(span.start), toPosition(span.end));
}
