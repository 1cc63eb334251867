/**
 * A table of numbers in one Float64Array, row by row: a window's values sit side by side (one
 * or two cache lines to write, not one per field), and growing is one allocation and one copy
 * however many columns — a large graph holds two tables per node.
 */
export class RowTable {
  private data: Float64Array;
  private rowCapacity: number;
  private width: number;

  constructor(width: number, rowCapacity: number) {
    this.width = width;
    this.rowCapacity = rowCapacity;
    this.data = new Float64Array(width * rowCapacity);
  }

  /** Rows allocated. */
  get rows(): number {
    return this.rowCapacity;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  get(row: number, column: number): number {
    return this.data[row * this.width + column] as number;
  }

  set(row: number, column: number, value: number): void {
    this.data[row * this.width + column] = value;
  }

  /** Copies `values` into one row from column `at` (one copy for a Float64Array). */
  setRow(row: number, at: number, values: ArrayLike<number>): void {
    const offset = row * this.width + at;
    if (values instanceof Float64Array) this.data.set(values, offset);
    else for (let c = 0; c < values.length; c++) this.data[offset + c] = values[c] as number;
  }

  /** Zeroes rows [from, to). */
  clearRows(from: number, to: number): void {
    this.data.fill(0, from * this.width, to * this.width);
  }

  /** Copies `values` (one per row, from row 0) into a column. */
  setColumn(column: number, values: ArrayLike<number>): void {
    for (let r = 0; r < values.length; r++) this.set(r, column, values[r] as number);
  }

  /** Reallocates with `rows` rows (≥ the current count), keeping the values. */
  growRows(rows: number): void {
    if (rows <= this.rowCapacity) return;
    const data = new Float64Array(this.width * rows);
    data.set(this.data);
    this.data = data;
    this.rowCapacity = rows;
  }

  /** Adds a column of zeros at the end of every row. */
  addColumn(): void {
    const width = this.width + 1;
    const data = new Float64Array(width * this.rowCapacity);
    for (let r = 0; r < this.rowCapacity; r++) {
      data.set(this.data.subarray(r * this.width, (r + 1) * this.width), r * width);
    }
    this.data = data;
    this.width = width;
  }
}
