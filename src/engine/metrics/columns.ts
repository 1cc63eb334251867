/**
 * A table of number columns in one Float64Array (column-major), grown by whole-table copies:
 * one allocation per growth however many columns, since a large graph holds two tables per
 * node and typed-array allocations are what cost.
 */
export class Columns {
  private data: Float64Array;
  private rowCapacity: number;
  private columnCount: number;

  constructor(columnCount: number, rowCapacity: number) {
    this.columnCount = columnCount;
    this.rowCapacity = rowCapacity;
    this.data = new Float64Array(columnCount * rowCapacity);
  }

  /** Rows allocated per column. */
  get rows(): number {
    return this.rowCapacity;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  get(column: number, row: number): number {
    return this.data[column * this.rowCapacity + row] as number;
  }

  set(column: number, row: number, value: number): void {
    this.data[column * this.rowCapacity + row] = value;
  }

  /** Zeroes rows [from, to) of every column. */
  clearRows(from: number, to: number): void {
    for (let c = 0; c < this.columnCount; c++) {
      this.data.fill(0, c * this.rowCapacity + from, c * this.rowCapacity + to);
    }
  }

  /** Copies `values` (one per row, from row 0) into a column. */
  setColumn(column: number, values: ArrayLike<number>): void {
    this.data.set(values, column * this.rowCapacity);
  }

  /** Reallocates with `rows` rows per column (≥ the current count), keeping the values. */
  growRows(rows: number): void {
    if (rows <= this.rowCapacity) return;
    this.reshape(this.columnCount, rows);
  }

  /** Adds a column of zeros at the end. */
  addColumn(): void {
    this.reshape(this.columnCount + 1, this.rowCapacity);
  }

  private reshape(columnCount: number, rows: number): void {
    const data = new Float64Array(columnCount * rows);
    for (let c = 0; c < this.columnCount; c++) {
      const from = c * this.rowCapacity;
      data.set(this.data.subarray(from, from + this.rowCapacity), c * rows);
    }
    this.data = data;
    this.columnCount = columnCount;
    this.rowCapacity = rows;
  }
}
