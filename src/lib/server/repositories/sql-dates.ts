/** A date column as the `YYYY-MM-DD` text records and the domain use (DESIGN.md §2), not a driver's Date at local midnight. */
export const dayText = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;
