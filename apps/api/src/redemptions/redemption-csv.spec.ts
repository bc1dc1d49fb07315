import { csvLine } from './redemption-csv';

describe('csvLine', () => {
  it('quotes what needs quoting and ends with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 150])).toBe(
      'a,"b,c","say ""hi""","two\nlines",,150\r\n',
    );
  });

  it('defuses spreadsheet formulas in text, not in numbers', () => {
    expect(csvLine(['=SUM(A1)', '@x', -5])).toBe("'=SUM(A1),'@x,-5\r\n");
  });
});
