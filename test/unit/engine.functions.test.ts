/**
 * Functions the engine lacks, added as a plugin, in the real engine: CONCAT, RANK / RANK.EQ /
 * RANK.AVG, LOOKUP (vector and array forms) and FORECAST / FORECAST.LINEAR, with Excel's results.
 */
import { describe, expect, it } from 'vitest';
import { EngineNotebook } from '../../workers/engineCore';

function compute(data: Record<string, number | string | boolean>, formulas: string[]): unknown[] {
  const cells: Record<string, number | string | boolean> = { ...data };
  formulas.forEach((f, i) => (cells[`Z${i + 1}`] = f));
  const book = new EngineNotebook({ sheets: [{ name: 'S', cells }], names: [] });
  const v = book.allValues().S;
  book.destroy();
  return formulas.map((_f, i) => v[`Z${i + 1}`]);
}

describe('functions the engine lacks', () => {
  it('CONCAT joins values and ranges as Excel shows them', () => {
    expect(compute({ A1: 'a', A2: 1.5, A3: true, B1: 'x' }, ['=CONCAT(A1:A4,"-",B1)', '=CONCAT(1/4,"")', '=CONCAT(A1:B2)']))
      .toEqual(['a1.5TRUE-x', '0.25', 'ax1.5']);
  });

  it('RANK, RANK.EQ and RANK.AVG: ties, both orders, a number not in the list', () => {
    const data = { A1: 7, A2: 3.5, A3: 3.5, A4: 1, A5: 2, A6: 'text' };
    const [a, b, c, d, e, f] = compute(data, ['=RANK(A2,A1:A6)', '=RANK.EQ(7,A1:A6,1)', '=RANK.AVG(3.5,A1:A6)', '=RANK.AVG(1,A1:A6,1)', '=RANK.EQ(2,A1:A6)', '=RANK(9,A1:A6)']);
    expect([a, b, c, d, e]).toEqual([2, 5, 2.5, 1, 4]);
    expect(f).toMatchObject({ error: '#N/A' });
  });

  it('LOOKUP: the last key not after the value; vector and array forms; below every key is #N/A', () => {
    const data = { A1: 10, A2: 20, A3: 30, B1: 'ten', B2: 'twenty', B3: 'thirty', D1: 'a', E1: 'b', F1: 'c', D2: 1, E2: 2, F2: 3 };
    const [a, b, c, d, e, f] = compute(data, ['=LOOKUP(25,A1:A3,B1:B3)', '=LOOKUP(30,A1:A3,B1:B3)', '=LOOKUP(99,A1:B3)', '=LOOKUP("B",D1:F2)', '=LOOKUP(20,A1:A3)', '=LOOKUP(5,A1:A3,B1:B3)']);
    expect([a, b, c, d, e]).toEqual(['twenty', 'thirty', 'thirty', 2, 20]);
    expect(f).toMatchObject({ error: '#N/A' });
  });

  it('FORECAST and FORECAST.LINEAR: the least-squares line (Excel’s documented example gives 10.607253)', () => {
    const data = { A1: 6, A2: 7, A3: 9, A4: 15, A5: 21, B1: 20, B2: 28, B3: 31, B4: 38, B5: 40 };
    const [a, b, c] = compute(data, ['=FORECAST(30,A1:A5,B1:B5)', '=FORECAST.LINEAR(30,A1:A5,B1:B5)', '=FORECAST(1,A1:A2,B1:B3)']);
    expect(a).toBeCloseTo(10.607253, 6);
    expect(b).toBeCloseTo(10.607253, 6);
    expect(c).toMatchObject({ error: '#N/A' });
  });
});

describe('more functions the engine lacks (expected values: Excel’s, cached in the compat workbooks)', () => {
  it('AVERAGEIFS: the mean of the cells meeting every criterion; text skipped, none met is #DIV/0!, an error met is the answer', () => {
    const data = { A1: 10, A2: 20, A3: 30, A4: 40, A5: 'n/a', B1: 'x', B2: 'y', B3: 'x', B4: 'y', B5: 'x', C1: 1, C2: '=1/0', D1: 'x', D2: 'y' };
    const [a, b, c, d, e] = compute(data, ['=AVERAGEIFS(A1:A5,B1:B5,"x")', '=AVERAGEIFS(A1:A5,B1:B5,"y",A1:A5,">25")', '=AVERAGEIFS(A1:A5,B1:B5,"z")', '=AVERAGEIFS(C1:C2,D1:D2,"y")', '=AVERAGEIFS(A1:A4,B1:B4,"<>x")']);
    expect([a, b, e]).toEqual([20, 40, 30]);
    expect(c).toMatchObject({ error: '#DIV/0!' });
    expect(d).toMatchObject({ error: '#DIV/0!' });
  });

  it('PERMUT and PERMUTATIONA truncate their arguments; PERMUT needs 0 < number ≥ chosen', () => {
    const [a, b, c, d, e, f, g] = compute({}, ['=PERMUT(3,2)', '=PERMUTATIONA(3,2)', '=PERMUT(12.7,4.6)', '=PERMUTATIONA(12.7,4.6)', '=PERMUTATIONA(0,2)', '=PERMUT(0,2)', '=PERMUT(2,-1)']);
    expect([a, b, c, d, e]).toEqual([6, 9, 11880, 20736, 0]);
    expect(f).toMatchObject({ error: '#NUM!' });
    expect(g).toMatchObject({ error: '#NUM!' });
  });

  it('BINOM.DIST.RANGE: a range or one count of successes, thousands of trials, bounds out of order are #NUM!', () => {
    const [a, b, c, d, e] = compute({}, ['=BINOM.DIST.RANGE(8,0.7,7,8)', '=BINOM.DIST.RANGE(3000,0.0001,1,1)', '=BINOM.DIST.RANGE(10,0.3,0)', '=BINOM.DIST.RANGE(10,0.000001,2,3)', '=BINOM.DIST.RANGE(10,0.3,5,3)']);
    expect(a).toBeCloseTo(0.2552983299999998, 9);
    expect(b).toBeCloseTo(0.2222643587611419, 9);
    expect(c).toBeCloseTo(0.028247524899999994, 9);
    expect((d as number) / 4.4999760000420043e-11).toBeCloseTo(1, 9);
    expect(e).toMatchObject({ error: '#NUM!' });
  });

  it('MODE and MODE.SNGL: the first most frequent number; logicals and text in ranges skipped; no repeat is #N/A', () => {
    const data = { A1: 1, A2: true, A3: 'Munilla', A4: '1', A5: 2, A6: 3, A7: 4, A8: 1, B1: 2, B2: 4.5, B3: 6.7 };
    const [a, b, c, d, e, f] = compute(data, ['=MODE.SNGL({1,2,3,2,2,3})', '=MODE.SNGL(A1:A8)', '=MODE(A5:A7,A5)', '=MODE(B1:B3)', '=MODE(1,"1",1)', '=MODE(A5,2,C1)']);
    expect([a, b, c]).toEqual([2, 1, 2]);
    expect(d).toMatchObject({ error: '#N/A' });
    // Given directly, text (even "1") and an empty cell are #VALUE! (Excel, in Apache POI's test data).
    expect(e).toMatchObject({ error: '#VALUE!' });
    expect(f).toMatchObject({ error: '#VALUE!' });
  });

  it('TRIMMEAN leaves out ⌊n·percent/2⌋ values at each end; percent outside [0, 1) is #NUM!', () => {
    const data = { A1: 12.4, A2: 5, A3: 7.3, A4: -4, A5: 0, A6: 2.3, A7: 4.3, A8: 7, A9: -2 };
    const [a, b, c, d, e] = compute(data, ['=TRIMMEAN(A1:A9,0.2)', '=TRIMMEAN(A1:A9,0.9)', '=TRIMMEAN(A1:A9,0.5)', '=TRIMMEAN(A1:A9,0.4)', '=TRIMMEAN(A1:A9,1)']);
    expect(a).toBeCloseTo(3.5888888888888886, 9);
    expect(b).toBeCloseTo(4.3, 9);
    expect(c).toBeCloseTo(3.72, 9);
    expect(d).toBeCloseTo(3.4142857142857146, 9);
    expect(e).toMatchObject({ error: '#NUM!' });
  });

  it('PERCENTRANK.INC / .EXC: listed values, interpolation past a repeated value, truncated digits, outside the data #N/A', () => {
    const data = { A1: 12, A2: -1, A3: 7.5, A4: 56, A5: 12, A6: -4, A7: 3 };
    const [a, b, c, d, e, f, g] = compute(data, ['=PERCENTRANK.INC(A1:A7,3)', '=PERCENTRANK.INC(A1:A7,10.5)', '=PERCENTRANK.INC(A1:A7,40)', '=PERCENTRANK(A1:A7,56)', '=PERCENTRANK.EXC(A1:A7,-4)', '=PERCENTRANK.EXC(A1:A7,40)', '=PERCENTRANK.INC(A1:A7,-4.1)']);
    expect([a, b, c, d, e, f]).toEqual([0.333, 0.611, 0.939, 1, 0.125, 0.829]);
    expect(g).toMatchObject({ error: '#N/A' });
  });

  it('ERF.PRECISE, ERFC.PRECISE and GESTEP read numeric text but refuse logicals', () => {
    const data = { A1: true, A2: '2' };
    const [a, b, c, d, e, f, g, h] = compute(data, ['=ERF.PRECISE(1)', '=ERFC.PRECISE(1)', '=ERF.PRECISE(-2)', '=ERFC.PRECISE(4)', '=ERF.PRECISE(A1)', '=GESTEP(A2,1)', '=GESTEP(-1,4)', '=GESTEP(A1)']);
    expect(a).toBeCloseTo(0.8427007929497149, 9);
    expect(b).toBeCloseTo(0.15729920705028513, 9);
    expect(c).toBeCloseTo(-0.9953222650189527, 9);
    expect((d as number) / 1.5417257900280017e-8).toBeCloseTo(1, 9);
    expect([f, g]).toEqual([1, 0]);
    expect(e).toMatchObject({ error: '#VALUE!' });
    expect(h).toMatchObject({ error: '#VALUE!' });
  });

  it('ERROR.TYPE numbers an error (not an error: #N/A); TYPE tells number, text, logical, error, array', () => {
    const data = { A1: '=1/0', A2: '=NA()', A3: 'Hello', A4: true };
    const [a, b, c, d, e, f, g, h, i] = compute(data, ['=ERROR.TYPE(A1)', '=ERROR.TYPE(A2)', '=ERROR.TYPE(A3)', '=TYPE(1)', '=TYPE(A3)', '=TYPE(A4)', '=TYPE(A1)', '=TYPE(B9)', '=TYPE({1,2})']);
    expect([a, b]).toEqual([2, 7]);
    expect(c).toMatchObject({ error: '#N/A' });
    expect([d, e, f, g, h, i]).toEqual([1, 2, 4, 16, 1, 64]);
  });
});

describe('bond and discount-security functions (Excel’s day counts; expected values cached in the compat workbooks)', () => {
  it('ACCRINT on every basis, counted from issue or from the first interest date', () => {
    const rows: [number, number, number, number, number, number, number, boolean, number][] = [
      [44348, 44531, 44440, 0.05, 1000, 2, 0, true, 12.5],
      [44166, 44531, 44256, 0.075, 100, 2, 3, false, -1.8904109589041098],
      [44191, 44531, 44440, 0.075, 100, 2, 2, true, 5.1875],
      [44348, 44531, 44805, 0.075, 100, 2, 0, false, 9.375],
      [44166, 44531, 44301, 0.025, 5000, 4, 4, true, 46.527777777777779],
      [44440, 44531, 44593, 0.025, 5000, 4, 2, false, 53.125],
      [43435, 44531, 44348, 0.025, 5000, 1, 1, true, 312.32876712328766],
      [44043, 44227, 44196, 0.1, 1000, 2, 1, false, 41.576086956521742],
    ];
    const got = compute({}, rows.map((r) => `=ACCRINT(${r.slice(0, 7).join(',')},${r[7] ? 'TRUE()' : 'FALSE()'})`));
    got.forEach((v, i) => expect((v as number) / rows[i][8]).toBeCloseTo(1, 9));
    const [omittedPar, early, badFrequency] = compute({}, ['=ACCRINT(39508,39691,39569,0.1,,2)', '=ACCRINT(44440,44531,44440,0.05,1000,2)', '=ACCRINT(44348,44531,44440,0.05,1000,3)']);
    expect(omittedPar).toBeCloseTo(16.666666666666664, 9);
    expect(early).toMatchObject({ error: '#NUM!' });
    expect(badFrequency).toMatchObject({ error: '#NUM!' });
  });

  it('ACCRINTM on the five bases; INTRATE and DISC', () => {
    const bases = compute({}, [0, 1, 2, 3, 4].map((b) => `=ACCRINTM(DATE(2024,1,15),DATE(2024,3,15),0.1,1000,${b})`));
    [16.666666666666664, 16.393442622950818, 16.666666666666664, 16.43835616438356, 16.666666666666664].forEach((x, i) => expect(bases[i]).toBeCloseTo(x, 9));
    const [a, b, c, d, e] = compute({}, ['=INTRATE(46433,46522,2000000,2040000,0)', '=INTRATE(46433,46522,2000001,2040001.02,1)', '=DISC(39472,39614,97.975,100,1)', '=DISC(39472,39614,97.975,100,2)', '=DISC(39614,39472,97.975,100)']);
    expect(a).toBeCloseTo(0.08, 12);
    expect(b).toBeCloseTo(0.082022471910112402, 12);
    expect(c).toBeCloseTo(0.05219366197183125, 12);
    expect(d).toBeCloseTo(0.051338028169014345, 12);
    expect(e).toMatchObject({ error: '#NUM!' });
  });

  it('the coupon functions: days in the period, before and after settlement, the dates around it, their number', () => {
    // Excel's documented examples: settlement 25 Jan 2011, maturity 15 Nov 2011, semiannual.
    const [days, before, after, next, previous, count] = compute({}, ['=COUPDAYS(40568,40862,2,1)', '=COUPDAYBS(40568,40862,2,1)', '=COUPDAYSNC(40568,40862,2,1)', '=COUPNCD(40568,40862,2,1)', '=COUPPCD(40568,40862,2,1)', '=COUPNUM(40568,40862,2,1)']);
    expect([days, before, after, next, previous, count]).toEqual([181, 71, 110, 40678, 40497, 2]);
  });
});

describe('priced bonds (PRICE / YIELD cached in the compat workbooks; the others Excel’s documented examples)', () => {
  it('PRICE, and YIELD back from that price', () => {
    const [p1, y1, p2, y2, bad] = compute({}, [
      '=PRICE(43891,47543,0.06,0.07,130,1,0)',
      '=YIELD(43891,47543,0.06,PRICE(43891,47543,0.06,0.07,130,1,0),130,1,0)',
      '=PRICE(45748,46825,0.2,0.3,15,1,1)',
      '=YIELD(45748,46825,0.2,42.702006194174814,15,1,1)',
      '=PRICE(43891,47543,0.06,-0.01,130,1,0)',
    ]);
    expect((p1 as number) / 108.22689722310892).toBeCloseTo(1, 9);
    expect(y1).toBeCloseTo(0.07, 9);
    expect((p2 as number) / 42.702006194174814).toBeCloseTo(1, 9);
    expect(y2).toBeCloseTo(0.3, 9);
    expect(bad).toMatchObject({ error: '#NUM!' });
  });

  it('DURATION, MDURATION, PRICEMAT and YIELDMAT', () => {
    const [d, md, pm, ym] = compute({}, [
      '=DURATION(DATE(2018,7,1),DATE(2048,1,1),0.08,0.09,2,1)',
      '=MDURATION(DATE(2008,1,1),DATE(2016,1,1),0.08,0.09,2,1)',
      '=PRICEMAT(DATE(2008,2,15),DATE(2008,4,13),DATE(2007,11,11),0.061,0.061,0)',
      '=YIELDMAT(DATE(2008,3,15),DATE(2008,11,3),DATE(2007,11,8),0.0625,100.0123,0)',
    ]);
    expect(d).toBeCloseTo(10.9191453, 6);
    expect(md).toBeCloseTo(5.73567248, 5); // Excel's page shows 8 digits; ours agrees to 5e-7 relative
    expect(pm).toBeCloseTo(99.98449888, 6);
    expect(ym).toBeCloseTo(0.060954, 6);
  });
});

describe('XMATCH (expected values cached in the compat workbooks)', () => {
  it('exact, wildcard and regular-expression matches, from the first or the last; nearest smaller or larger; binary search', () => {
    const data = { A1: 'Albania', A2: 'Indonesia', A3: 'India', A4: 'Germany', A5: 'Spain', A6: 'Venezuela', A7: 'Italy', A8: 'Francialy' };
    const got = compute(data, [
      '=XMATCH("spain",A1:A6)',
      '=XMATCH("Ind*",A1:A6,2)',
      '=XMATCH("Ind*",A1:A6,2,-1)',
      '=XMATCH("[A-Z][a-z]+y",A1:A8,3,1)',
      '=XMATCH("[A-Z][a-z]+y",A1:A8,3,-1)',
      '=XMATCH(30,{10;20;30;40;50})',
      '=XMATCH(35,{10,20,30,40,50},1)',
      '=XMATCH(35,{10,20,30,40,50},-1)',
      '=XMATCH(20,{10,20,20,30},0,-1)',
      '=XMATCH(25,{10,20,30,40,50},1,2)',
      '=XMATCH(25,{50,40,30,20,10},-1,-2)',
    ]);
    expect(got).toEqual([5, 2, 3, 4, 8, 3, 4, 3, 3, 3, 4]);
    const [missing, regexNumber, twoDimensional, badMode] = compute(data, ['=XMATCH(99,{10,20,30})', '=XMATCH(42,A1:A2,3)', '=XMATCH(2,{1,2;3,4})', '=XMATCH(1,{1,2},5)']);
    expect(missing).toMatchObject({ error: '#N/A' });
    expect(regexNumber).toMatchObject({ error: '#N/A' });
    expect(twoDimensional).toMatchObject({ error: '#VALUE!' });
    expect(badMode).toMatchObject({ error: '#VALUE!' });
  });
});

describe('CONVERT (expected values cached in the compat workbooks)', () => {
  it('units of one quantity, metric and binary prefixes where Excel allows them, squared and cubed prefixes', () => {
    const got = compute({}, [
      '=CONVERT(1,"sg","g")',
      '=CONVERT(0.05,"Mg","g")',
      '=CONVERT(4,"mi","m")',
      '=CONVERT(0.05,"Mm2","m2")',
      '=CONVERT(0.05,"Mar","m^2")',
      '=CONVERT(0.0002,"Mm3","m3")',
      '=CONVERT(1,"mbyte","bit")',
      '=CONVERT(1,"kibyte","bit")',
      '=CONVERT(1,"HPh","J")',
      '=CONVERT(1,"psi","Pa")',
      '=CONVERT(0.004,"Mmph","m/s")',
      '=CONVERT(1,"tsp","m3")',
    ]);
    const excel = [14593.902937206363, 50000, 6437.376, 5e10, 5e6, 2e14, 0.008, 8192, 2684519.5376961729, 6894.7572931683617, 1788.16, 4.9289215937499996e-6];
    got.forEach((v, i) => expect((v as number) / excel[i]).toBeCloseTo(1, 9));
  });

  it('temperatures are affine; unknown units, prefixes on units that take none, and mixed quantities are #N/A; logicals #VALUE!', () => {
    const [c, f, rank, reau, mk, back] = compute({}, ['=CONVERT(1,"C","K")', '=CONVERT(1,"F","K")', '=CONVERT(1,"Rank","K")', '=CONVERT(1,"Reau","kel")', '=CONVERT(12,"MK","K")', '=CONVERT(100,"C","F")']);
    expect(c).toBeCloseTo(274.15, 9);
    expect(f).toBeCloseTo(255.92777777777775, 7);
    expect(rank).toBeCloseTo(0.55555555555555558, 9);
    expect(reau).toBeCloseTo(274.4, 9);
    expect([mk, back]).toEqual([12000000, 212]);
    for (const bad of compute({}, ['=CONVERT(0.05,"Msg","g")', '=CONVERT(12,"MC","K")', '=CONVERT(1,"m","g")', '=CONVERT(1,"","s")', '=CONVERT(1,"M","m")'])) expect(bad).toMatchObject({ error: '#N/A' });
    expect(compute({ A1: true }, ['=CONVERT(A1,"m","ft")'])[0]).toMatchObject({ error: '#VALUE!' });
  });
});

describe('COMPLEX (expected values cached in the compat workbooks)', () => {
  it('an empty suffix (an empty cell or "") is "i"; parts written as Excel writes them', () => {
    const data = { A1: 1.23, B1: 9.5121, A2: 1, B2: 2, C2: '', A3: 1e-18, A4: 1e-20, A5: 0, B5: -1, A6: 1, B6: -2, C6: 'j' };
    expect(compute(data, ['=COMPLEX(A1,B1,C1)', '=COMPLEX(A2,B2,C2)', '=COMPLEX(A3,0)', '=COMPLEX(A4,0)', '=COMPLEX(A5,B5,C5)', '=COMPLEX(A6,B6,C6)', '=COMPLEX(-23.1234,-45.899)', '=COMPLEX(0,0)']))
      .toEqual(['1.23+9.5121i', '1+2i', '0.000000000000000001', '1E-20', '-i', '1-2j', '-23.1234-45.899i', '0']);
    const [bad, badNumber] = compute({ C1: 'k', C2: 0 }, ['=COMPLEX(1,2,C1)', '=COMPLEX(1,2,C2)']);
    expect(bad).toMatchObject({ error: '#VALUE!' });
    expect(badNumber).toMatchObject({ error: '#VALUE!' });
  });
});

describe('TEXT with Excel format codes (expected values cached in the compat workbooks unless noted)', () => {
  const text = (value: number | string, code: string) => compute({ A1: value, B1: code }, ['=TEXT(A1,B1)'])[0];

  it('dates: day and month names, two- and four-digit years, literals', () => {
    expect(text(41181, 'dddd/mmmm/yyyyy')).toBe('Saturday/September/2012');
    expect(text(41181, 'ddd--/--mmm--/++yyy')).toBe('Sat--/--Sep--/++2012');
    expect(text(41181, 'ddddd/mmmmm/yyyyy')).toBe('Saturday/S/2012');
    expect(text(41181, 'm/d/y')).toBe('9/29/12');
    expect(text(100, 'dd/mm--yy')).toBe('09/04--00');
    expect(text(2958465, 'ddd--/--mmm--/++yyy')).toBe('Fri--/--Dec--/++9999');
    for (const bad of [text(2958466, 'm/d/y'), text(-1, 'm/d/y'), text(41181, 'mm###')]) expect(bad).toMatchObject({ error: '#VALUE!' });
  });

  it('dates and times with locale tags, CJK literals, AM/PM and elapsed hours (Excel’s documented results)', () => {
    expect(text(45356, '[$-409]mmmm d, yyyy')).toBe('March 5, 2024');
    expect(text(45356, 'yyyy年m月')).toBe('2024年3月');
    expect(text(0.6041666666666666, 'h:mm AM/PM')).toBe('2:30 PM');
    expect(text(0.6041666666666666, 'hh:mm:ss')).toBe('14:30:00');
    expect(text(1.5, '[h]:mm')).toBe('36:00');
  });

  it('numbers: sections, grouping, scaling commas, percent, scientific, General', () => {
    expect(text(12, '#,##0_);(#,##0)')).toBe('12 ');
    expect(text(-12345.6789, '$#,##0_);($#,##0)')).toBe('($12,346)');
    expect(text(-2.7e-18, '#,##0_);(#,##0)')).toBe('(0)');
    expect(text(-0.3333333333333333, '0')).toBe('0');
    expect(text(123456789012, '00-00-00-00')).toBe('123456-78-90-12');
    expect(text(12, '00-00-00-00')).toBe('00-00-00-12');
    expect(text(123456789012, '#,##,, "Millions"')).toBe('123,457 Millions');
    expect(text(12345.6789, '#,#.00 "Millions!"')).toBe('12,345.68 Millions!');
    expect(text(0.3333333333333333, '[Red]#.#')).toBe('.3');
    expect(text(12345.6789, '0.00%')).toBe('1234567.89%');
    expect(text(1.2e-16, '0.00E+0')).toBe('1.20E-16');
    expect(text(12345600000000000000, '0.00')).toBe('12345600000000000000.00');
    expect([0.3333333333333333, 250000000000, 25000000000, -2.5e-9, -1e-8, 123456789012].map((n) => text(n, 'General'))).toEqual(['0.333333333', '2.5E+11', '25000000000', '-2.5E-09', '-0.00000001', '1.23457E+11']);
    expect(text(150, '[>=100]"big";"small"')).toBe('big');
    expect(text('12', '0.00')).toBe('12.00');
    expect(text('abc', '0.00;-0.00;0;"<"@">"')).toBe('<abc>');
  });
});

describe('empty text is no number (expected values cached in the compat workbooks)', () => {
  it('"" in arithmetic and number arguments is #VALUE!; an empty cell is still 0', () => {
    const got = compute({ A1: '=""', A2: 10 }, ['=A1+1', '=FLOOR(A2,A1)', '=CEILING.MATH(A2,A1)', '=SIGN(A1)', '=A3+1', '=COUNTIF(A1:A2,"<5")']);
    for (const v of got.slice(0, 4)) expect(v).toMatchObject({ error: '#VALUE!' });
    expect(got.slice(4)).toEqual([1, 0]);
  });
});

describe('CEILING and FLOOR families (expected values cached in the compat workbooks)', () => {
  it('quotients at 15 significant digits, a zero significance, any non-zero mode', () => {
    const got = compute({ A1: 7.1, A2: -7.1, A3: -10 }, [
      '=FLOOR.MATH(A1,0.1)', '=CEILING.MATH(A2,0.1)', '=FLOOR(A1,0.1)', '=CEILING(A2,-0.1)', '=FLOOR.PRECISE(A1,0.1)', '=ISO.CEILING(A2,0.1)',
      '=CEILING(10,0)', '=CEILING(-10,0)', '=FLOOR.MATH(A3,0.21,0.01)', '=CEILING.MATH(A3,0.21,0.01)', '=FLOOR.MATH(A3,0.21)', '=CEILING(-2.5,2)', '=FLOOR(-2.5,2)', '=FLOOR(-2.5,-2)',
    ]);
    const excel = [7.1000000000000005, -7.1000000000000005, 7.1000000000000005, -7.1000000000000005, 7.1000000000000005, -7.1000000000000005, 0, 0, -9.87, -10.08, -10.08, -2, -4, -2];
    got.forEach((v, i) => expect(v as number).toBeCloseTo(excel[i], 12));
    const [div0, signs] = compute({}, ['=FLOOR(10,0)', '=CEILING(10,-1)']);
    expect(div0).toMatchObject({ error: '#DIV/0!' });
    expect(signs).toMatchObject({ error: '#NUM!' });
  });
});

describe('ROMAN (expected values cached in the compat workbooks)', () => {
  it('truncates; below 1 is "", negative or 4000 and more is #VALUE!', () => {
    const [a, b, c, d, e, f] = compute({}, ['=ROMAN(3999.9999999)', '=ROMAN(0.3)', '=ROMAN(0)', '=ROMAN(4000)', '=ROMAN(-13)', '=ROMAN(1999,2)']);
    expect([a, b, c, f]).toEqual(['MMMCMXCIX', '', '', 'MXMIX']);
    expect(d).toMatchObject({ error: '#VALUE!' });
    expect(e).toMatchObject({ error: '#VALUE!' });
  });
});

describe('XLOOKUP with arguments left empty (expected values cached in the compat workbooks)', () => {
  it('an empty if-not-found or match mode takes its default: #N/A, exact match', () => {
    const data = { A1: 1, A2: 2, A3: 3, B1: 'a', B2: 'b', B3: 'c' };
    const [missing, missingLast, found, exact] = compute(data, ['=XLOOKUP(9,A1:A3,B1:B3,,,2)', '=XLOOKUP(9,A1:A3,B1:B3,,,-1)', '=XLOOKUP(2,A1:A3,B1:B3,,,2)', '=XLOOKUP(3,A1:A3,B1:B3,,,-1)']);
    expect(missing).toMatchObject({ error: '#N/A' });
    expect(missingLast).toMatchObject({ error: '#N/A' });
    expect([found, exact]).toEqual(['b', 'c']);
  });
});

describe('AND, OR, XOR, LCM, GCD and CHAR (expected values cached in the compat workbooks)', () => {
  it('references count only logicals and numbers; nothing to test is #VALUE!', () => {
    const data = { A1: true, B1: true, A2: 'TRUE', A3: '=""', A4: 1, A5: 0 };
    const got = compute(data, ['=AND(A1:B1)', '=AND(A1:B1,X90:Z99)', '=AND("",TRUE())', '=OR(A4:A5)', '=XOR(A1,A4)', '=AND(A2)', '=OR(A3)', '=AND("")', '=OR(X90:Z99)', '=AND(Z99,TRUE())']);
    expect(got.slice(0, 5)).toEqual([true, true, true, true, false]);
    for (const v of got.slice(5, 9)) expect(v).toMatchObject({ error: '#VALUE!' });
    expect(got[9]).toBe(true);
  });

  it('LCM and GCD skip empty cells and truncate; nothing to take is #VALUE!, negatives #NUM!', () => {
    const data = { A1: 10, B1: 3, A2: 7.5, B2: 4.5, C2: 7.7, A3: -7.5, B3: 5 };
    expect(compute(data, ['=LCM(A1,B1,C1)', '=GCD(A1,B1,C1)', '=LCM(A2,B2,C2)', '=GCD(A2:C2)', '=LCM(123456789000,1000)'])).toEqual([30, 1, 28, 1, 123456789000]);
    const [none, negative] = compute(data, ['=LCM(D1,E1)', '=GCD(A3,B3)']);
    expect(none).toMatchObject({ error: '#VALUE!' });
    expect(negative).toMatchObject({ error: '#NUM!' });
  });

  it('CHAR uses Windows-1252 for 128–159', () => {
    expect(compute({}, ['=CHAR(128)', '=CHAR(150)', '=CHAR(65)', '=CHAR(233)'])).toEqual(['€', '–', 'A', 'é']);
    expect(compute({}, ['=CHAR(0)'])[0]).toMatchObject({ error: '#VALUE!' });
  });
});

describe('TEXTSPLIT (expected values cached in the compat workbooks)', () => {
  it('splits into columns and rows, pads short rows, drops empty pieces when asked; an empty delimiter is #VALUE!', () => {
    const cells = { A1: 'Orange,Apple', A2: '1,2;3', Z1: '=TEXTSPLIT("1,2;3",",",";")' };
    const book = new EngineNotebook({ sheets: [{ name: 'S', cells }], names: [] });
    const v = book.allValues().S;
    book.destroy();
    expect([v.Z1, v.AA1, v.Z2]).toEqual(['1', '2', '3']);
    expect(v.AA2).toMatchObject({ error: '#N/A' });
    const [first, row, empty, ignored] = compute({ A1: 'Orange,Apple', A2: '1,2;3', A3: ',,a,b' }, ['=TEXTSPLIT(A1,",")', '=TEXTSPLIT(A2,",",";")', '=TEXTSPLIT(A1,"")', '=TEXTSPLIT(A3,",",,TRUE())']);
    expect([first, row, ignored]).toEqual(['Orange', '1', 'a']);
    expect(empty).toMatchObject({ error: '#VALUE!' });
  });
});

describe('criteria as Excel reads them (expected values cached in the compat workbooks)', () => {
  it('an empty criterion cell is 0; ">c" compares text, ignoring case', () => {
    const data = { A1: 13, A2: 17, A3: 5, A4: 7, B1: 'red', B2: 'BLUE', B3: 'brown', B4: 0 };
    const got = compute(data, ['=SUMIF(B1:B4,C1,A1:A4)', '=COUNTIF(B1:B4,C1)', '=COUNTIF(B1:B4,">c")', '=SUMIFS(A1:A4,B1:B4,"<C")', '=COUNTIFS(B1:B4,">=red")']);
    expect(got).toEqual([7, 1, 1, 22, 1]);
  });
});

describe('TBILLEQ over half a year (expected values cached in the compat workbooks)', () => {
  it('uses Excel’s quadratic beyond 182 days, the money-market form up to it', () => {
    const got = compute({}, ['=TBILLEQ(2040,2400,0.8)', '=TBILLEQ(1000,1365,0.5)', '=TBILLEQ(14640,15006,0.5)', '=TBILLEQ(20000,20182,0.5)', '=TBILLEQ(100,200,1)']);
    const excel = [2.5066048253748145, 0.8482759796652481, 0.8522961312491701, 0.6784386617100372, 1.4038461538461537];
    got.forEach((v, i) => expect(v as number).toBeCloseTo(excel[i], 9));
  });
});

describe('IPMT and PPMT periods (expected values cached in the compat workbooks)', () => {
  it('a period whose whole part is below 1 or beyond the number of periods is #NUM!', () => {
    const got = compute({}, ['=IPMT(0.1,4,3,8000,10,1)', '=PPMT(0.01,0.99999,36,8000)', '=IPMT(0.1,0,3,8000)', '=PPMT(0.1,3,2,8000,0,1)', '=IPMT(0.1,3,3,8000,0,1)', '=PPMT(0.1,3.9,3,8000,10,1)']);
    for (const v of got.slice(0, 4)) expect(v).toMatchObject({ error: '#NUM!' });
    expect(got[4] as number).toBeCloseTo(-265.8610271903324, 9);
    expect(typeof got[5]).toBe('number');
  });
});

describe('INDEX as Excel reads its indexes (expected values cached in the compat workbooks)', () => {
  it('a lone index over one row picks the column; 0 or empty takes a whole row or column; beyond is #REF!', () => {
    const data = { B2: 10, C2: 20, D2: 30, A5: 1, A6: 2, B5: 3, B6: 4 };
    const got = compute(data, ['=INDEX(B2:D2,3)', '=INDEX({1,2,3},2)', '=INDEX({1,2,3,4},,)', '=INDEX({1,2;3,4},,2)', '=INDEX(A5:B6,2,0)', '=INDEX(A5:A6,2)', '=INDEX({1,2,3},1,2,1)']);
    expect(got).toEqual([30, 2, 1, 2, 2, 2, 2]);
    const [beyond, area, negative] = compute(data, ['=INDEX(B2:D2,5)', '=INDEX({1,2,3},1,0,2)', '=INDEX(A5:B6,-1,1)']);
    expect(beyond).toMatchObject({ error: '#REF!' });
    expect(area).toMatchObject({ error: '#REF!' });
    expect(negative).toMatchObject({ error: '#VALUE!' });
  });
});

describe('ISREF (expected values cached in the compat workbooks)', () => {
  it('is TRUE for references and for INDIRECT / OFFSET / INDEX that give one, FALSE for values and errors', () => {
    const got = compute({ A1: 1, A2: '=NA()' }, ['=ISREF(A2)', '=ISREF(A2:A3)', '=ISREF(C:C)', '=ISREF(INDIRECT("A1"))', '=ISREF(INDEX(A1:A2,1))', '=ISREF(1)', '=ISREF("A1")', '=ISREF(INDEX(A1,1,2,2))', '=ISREF(#REF!)']);
    expect(got).toEqual([true, true, true, true, true, false, false, false, false]);
  });
});

describe('INDIRECT (expected values cached in the compat workbooks)', () => {
  function book(formulas: Record<string, string>) {
    const nb = new EngineNotebook({
      sheets: [
        { name: 'S', cells: { A1: 7, S34: 'Hey Jude', AA23: 'Content of AA23', B1: '=A1*2', ...formulas } },
        { name: 'OTHER', cells: { D5: 'there' } },
      ],
      names: [],
    });
    const v = nb.allValues().S;
    nb.destroy();
    return Object.keys(formulas).map((k) => v[k]);
  }

  it('reads A1 and R1C1 text, on any sheet, cells and ranges, and formula cells the engine has not reached', () => {
    const got = book({
      C1: '=INDIRECT("S34")',
      C2: '=INDIRECT("a01")',
      C3: '=SUM(INDIRECT("A1:B1"))',
      C4: '=INDIRECT("OTHER!D5")',
      C5: '=INDIRECT("\'OTHER\'!$D$5")',
      C6: '=INDIRECT("R1C2",FALSE())',
      C7: '=INDIRECT("R[-6]C[-2]",FALSE())',
      C8: '=INDIRECT(D1)+1',
      D1: '="B"&ROW()',
      C9: '=INDIRECT("C8")*10',
    });
    expect(got).toEqual(['Hey Jude', 7, 21, 'there', 'there', 14, 7, 15, 'B1', 150]);
  });

  it('ROW and COLUMN of an INDIRECT: leading zeros, lower case, whole rows and columns; what is no reference is #REF!', () => {
    const refs = ['D5:E7', '$RS34', 'WW$56', 'OTHER!D5', 'SS077:SW090', 's:s', '05:05', '$7:8', 'XFD:XFD'];
    const rows = book(Object.fromEntries(refs.map((r, i) => [`E${i + 1}`, `=ROW(INDIRECT("${r}"))`])));
    const cols = book(Object.fromEntries(refs.map((r, i) => [`F${i + 1}`, `=COLUMN(INDIRECT("${r}"))`])));
    expect(rows).toEqual([5, 34, 56, 5, 77, 1, 5, 7, 1]);
    expect(cols).toEqual([4, 487, 621, 4, 513, 19, 1, 1, 16384]);
    for (const bad of book({ G1: '=ROW(INDIRECT("h"))', G2: '=COLUMN(INDIRECT("5"))', G3: '=INDIRECT("NonExist!W3")', G4: '=ROW(INDIRECT("XFE:XFE"))', G5: '=INDIRECT("")' })) expect(bad).toMatchObject({ error: '#REF!' });
  });
});

/** One formula's result area, read from a sheet with nothing else in the way. */
function spill(data: Record<string, number | string | boolean>, formula: string, width: number, height: number): unknown[][] {
  const book = new EngineNotebook({ sheets: [{ name: 'S', cells: { ...data, AA1: formula } }], names: [] });
  const v = book.allValues().S;
  book.destroy();
  const cols = ['AA', 'AB', 'AC', 'AD', 'AE', 'AF'];
  return Array.from({ length: height }, (_r, i) => Array.from({ length: width }, (_c, j) => v[`${cols[j]}${i + 1}`]));
}

describe('odd-period bonds (expected values cached in the compat workbooks)', () => {
  const dates = { A1: 43891, B1: 47543, C1: 43845, D1: 44256 };
  it('ODDFPRICE on each basis and frequency, and ODDFYIELD back from the price', () => {
    const got = compute(dates, [
      '=ODDFPRICE(A1,B1,C1,D1,0.075,0.05,120,1,1)',
      '=ODDFPRICE(A1,B1,C1,D1,0.075,0.03,120,1,4)',
      '=ODDFPRICE(A1,B1,C1,D1,0.075,0.05,120,1,0)',
      '=ODDFPRICE(A1,B1,C1,D1,0.075,0.05,120,2,1)',
      '=ODDFPRICE(A1,B1,C1,D1,0.08,0.06,120,1,3)',
      '=ODDFPRICE(A1,B1,C1,D1,0.075,0.05,10,1,1)',
      '=ODDFYIELD(A1,B1,C1,D1,0.075,131.53771558659531,120,1,1)',
    ]);
    const excel = [131.53771558659531, 153.2398784420665, 131.53696747314225, 131.55696869340122, 125.83100063105158, 64.007257697111797, 0.05];
    got.forEach((v, i) => expect((v as number) / excel[i]).toBeCloseTo(1, 8));
    expect(compute(dates, ['=ODDFPRICE(A1,B1,C1,D1,0.075,0.06,120,1,5)'])[0]).toMatchObject({ error: '#NUM!' });
  });

  it('ODDLPRICE and ODDLYIELD over a long odd last period', () => {
    const got = compute(dates, ['=ODDLPRICE(A1,B1,C1,0.075,0.06,120,2,1)', '=ODDLPRICE(A1,B1,C1,0.075,0.0589,120,2,2)', '=ODDLPRICE(A1,B1,C1,0.075,0.02,120,2,4)', '=ODDLPRICE(A1,B1,C1,0.08,0.0711,120,2,3)', '=ODDLYIELD(A1,B1,C1,0.075,121.51937811334447,120,2,1)']);
    const excel = [121.51937811334447, 122.36705839417525, 162.34027777777777, 116.47102012136368, 0.06];
    got.forEach((v, i) => expect((v as number) / excel[i]).toBeCloseTo(1, 9));
    expect(compute(dates, ['=ODDLYIELD(A1,B1,C1,0.075,120,120,2,5)'])[0]).toMatchObject({ error: '#NUM!' });
  });
});

describe('VALUETOTEXT, TEXTBEFORE and TEXTAFTER', () => {
  it('VALUETOTEXT writes numbers out in full to 15 digits, keeps text, names errors (cached in the compat workbooks)', () => {
    const data = { A1: 1.2344999999999999, A2: 7.123456e-9, A3: true, A4: '=1/0', A5: 'qwerty', A6: 4200 };
    expect(compute(data, ['=VALUETOTEXT(A1)', '=VALUETOTEXT(A2)', '=VALUETOTEXT(A3)', '=VALUETOTEXT(A4)', '=VALUETOTEXT(A5)', '=VALUETOTEXT(A6)', '=VALUETOTEXT(A5,1)', '=VALUETOTEXT(B9)'])).toEqual(['1.2345', '0.000000007123456', 'TRUE', '#DIV/0!', 'qwerty', '4200', '"qwerty"', '']);
  });

  it('ARRAYTOTEXT writes an array constant in strict format (cached in the compat workbooks)', () => {
    const data = { A1: 12, B1: 0.1, A2: 12.56, B2: false, A3: -34.67, B3: true, A4: '=1/0', A5: 'Dying is an art, like everything else.', A6: 'I do it exceptionally well.' };
    expect(compute(data, ['=ARRAYTOTEXT(A1:B6,1)', '=ARRAYTOTEXT(A1:B2)'])).toEqual(['{12,0.1;12.56,FALSE;-34.67,TRUE;#DIV/0!,;"Dying is an art, like everything else.",;"I do it exceptionally well.",}', '12, 0.1, 12.56, FALSE']);
  });

  it('TEXTBEFORE / TEXTAFTER: nth from the start or the end, case-blind, the end as a delimiter, not found (Excel’s documented examples)', () => {
    const data = { A1: "Little red riding hood's red hood" };
    expect(compute(data, ['=TEXTBEFORE(A1,"hood")', '=TEXTBEFORE(A1,"red",2)', '=TEXTBEFORE(A1,"red",-2)', '=TEXTBEFORE(A1,"Red",,1)', '=TEXTAFTER(A1,"hood")', '=TEXTAFTER(A1,"HOOD",1,1)', '=TEXTAFTER(A1,"red",-2)', '=TEXTAFTER(A1,"hood",-1)', '=TEXTBEFORE("Socrates"," ",1,0,1)', '=TEXTAFTER(A1,"basket",1,0,0,"none")', '=TEXTBEFORE("a-b_c",{"_","-"},2)']))
      .toEqual(['Little red riding ', "Little red riding hood's ", 'Little ', 'Little ', "'s red hood", "'s red hood", " riding hood's red hood", '', 'Socrates', 'none', 'a-b']);
    const [missing, zero] = compute(data, ['=TEXTAFTER(A1,"basket")', '=TEXTBEFORE(A1,"red",0)']);
    expect(missing).toMatchObject({ error: '#N/A' });
    expect(zero).toMatchObject({ error: '#VALUE!' });
  });
});

describe('DOLLAR and FIXED (Excel’s documented examples)', () => {
  it('round half away from zero, group thousands, show negatives as Excel does', () => {
    expect(compute({}, ['=DOLLAR(1234.567,2)', '=DOLLAR(1234.567,-2)', '=DOLLAR(-1234.567,-2)', '=DOLLAR(-0.123,4)', '=DOLLAR(99.888)', '=FIXED(1234.567,1)', '=FIXED(1234.567,-1)', '=FIXED(-1234.567,-1,TRUE())', '=FIXED(44.332)', '=DOLLAR(-1)']))
      .toEqual(['$1,234.57', '$1,200', '($1,200)', '($0.1230)', '$99.89', '1,234.6', '1,230', '-1230', '44.33', '($1.00)']);
  });
});

describe('NUMBERVALUE (Excel’s documented examples)', () => {
  it('reads text with the given separators; trailing % divide by 100', () => {
    expect(compute({}, ['=NUMBERVALUE("2.500,27",",",".")', '=NUMBERVALUE("3.5%")', '=NUMBERVALUE("")', '=NUMBERVALUE(" 1 234 ")', '=NUMBERVALUE("12%%")'])).toEqual([2500.27, 0.035, 0, 1234, 0.0012]);
    expect(compute({}, ['=NUMBERVALUE("1.2.3")'])[0]).toMatchObject({ error: '#VALUE!' });
  });
});

describe('KURT, AGGREGATE and FREQUENCY (Excel’s documented examples)', () => {
  const data = { A1: '=1/0', A2: 72, A3: 30, A4: '=SQRT(-1)', A5: 31, A6: 96, A7: 32, A8: 81, A9: 33, A10: 53, A11: 34, B1: 82, B2: 65, B3: 95, B4: 63, B5: 53, B6: 71, B7: 55, B8: 83, B9: 100, B10: 91, B11: 89 };
  it('KURT: excess kurtosis of at least four numbers', () => {
    const [k, few] = compute({}, ['=KURT(3,4,5,2,3,4,5,6,4,7)', '=KURT(1,2,3)']);
    expect(k).toBeCloseTo(-0.151799637, 8);
    expect(few).toMatchObject({ error: '#DIV/0!' });
  });

  it('PRODUCT of no numbers is 0; text in a reference or an INDIRECT is skipped, given directly it is read (cached in the compat workbooks)', () => {
    expect(compute({ A1: '="7"', A2: 2 }, ['=PRODUCT(A1)', '=PRODUCT(INDIRECT("A1"))', '=PRODUCT(A1:A2,3)', '=PRODUCT("7",2)'])).toEqual([0, 0, 6, 14]);
  });

  it('AGGREGATE skips error values with options 2, 3, 6, 7; 14–19 take k', () => {
    const [max, large, median, sum, noK, kept] = compute(data, ['=AGGREGATE(4,6,A1:A11)', '=AGGREGATE(14,6,A1:A11,3)', '=AGGREGATE(12,6,A1:A11,B1:B11)', '=AGGREGATE(9,3,A1:A11)', '=AGGREGATE(15,6,A1:A11)', '=AGGREGATE(9,4,A1:A11)']);
    expect([max, large, median, sum]).toEqual([96, 72, 68, 462]);
    expect(noK).toMatchObject({ error: '#VALUE!' });
    expect(kept).toMatchObject({ error: '#DIV/0!' });
  });

  it('FREQUENCY counts per bin and above the last, as a column', () => {
    const d = { A1: 79, A2: 85, A3: 78, A4: 85, A5: 50, A6: 81, A7: 95, A8: 88, A9: 97, B1: 70, B2: 79, B3: 89 };
    expect(spill(d, '=FREQUENCY(A1:A9,B1:B3)', 1, 4)).toEqual([[1], [2], [4], [2]]);
  });
});

describe('array functions (expected values cached in the compat workbooks)', () => {
  const grid: Record<string, number> = {};
  for (let r = 0; r < 6; r++) for (let c = 0; c < 5; c++) grid[`${'ABCDE'[c]}${r + 1}`] = r * 5 + c + 1;
  it('TAKE, DROP, CHOOSECOLS and CHOOSEROWS', () => {
    expect(spill(grid, '=TAKE(A1:E6,3,2)', 2, 3)).toEqual([[1, 2], [6, 7], [11, 12]]);
    expect(spill(grid, '=DROP(A1:E6,5,3)', 2, 1)).toEqual([[29, 30]]);
    expect(spill(grid, '=TAKE(A1:A6,-3)', 1, 3)).toEqual([[16], [21], [26]]);
    expect(spill(grid, '=DROP(A1:A6,3.4)', 1, 3)).toEqual([[16], [21], [26]]);
    expect(spill(grid, '=CHOOSECOLS(A1:E6,-1,-2,3)', 3, 1)).toEqual([[5, 4, 3]]);
    expect(spill(grid, '=CHOOSEROWS(A1:E6,1,1,5,2)', 2, 4)).toEqual([[1, 2], [1, 2], [21, 22], [6, 7]]);
    for (const f of ['=DROP(A1:A6,6)', '=TAKE(A1:A6,0)', '=DROP(A1:A6,1,1)', '=CHOOSEROWS(A1:E6,7)']) expect(spill(grid, f, 1, 1)[0][0]).toMatchObject({ error: '#VALUE!' });
  });

  it('MODE.MULT lists every most frequent number in order of appearance', () => {
    const d = { A1: 2, A2: 2, A3: 2, A4: 1, A5: 1, A6: 1, A7: 3, A8: 3 };
    expect(spill(d, '=MODE.MULT(A1:A8)', 1, 2)).toEqual([[2], [1]]);
    expect(spill({}, '=MODE.MULT({1,2,3,4})', 1, 1)[0][0]).toMatchObject({ error: '#N/A' });
  });

  it('MUNIT, MINVERSE and MDETERM', () => {
    const m = { A1: 3, B1: 6, C1: 9, A2: 9, B2: 12, C2: -6, A3: 6, B3: 10.5, C3: 18, H1: 0, I1: 1, J1: 2 };
    expect(spill({}, '=MUNIT(2)', 2, 2)).toEqual([[1, 0], [0, 1]]);
    const inv = spill(m, '=MINVERSE(A1:C3)', 3, 3) as number[][];
    const excel = [[-1.8787878787878789, 9.0909090909090967e-2, 0.96969696969696928], [1.3333333333333333, 0, -0.66666666666666641], [-0.15151515151515149, -3.0303030303030297e-2, 0.12121212121212119]];
    inv.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(excel[i][j], 9)));
    expect(compute({ A1: 1, B1: 2, C1: 3, A2: 3, B2: 4, C2: -2, A3: 2, B3: 3.5, C3: 6 }, ['=MDETERM(A1:C3)'])[0]).toBeCloseTo(-5.5, 12);
    expect(spill(m, '=MINVERSE(H1)', 1, 1)[0][0]).toMatchObject({ error: '#NUM!' });
    expect(spill(m, '=MINVERSE(I1:J1)', 1, 1)[0][0]).toMatchObject({ error: '#VALUE!' });
    expect(spill({}, '=MUNIT(0.2)', 1, 1)[0][0]).toMatchObject({ error: '#VALUE!' });
  });
});

describe('CELL', () => {
  it('address, row, col, contents and type of a reference', () => {
    const data = { D1: 'text', E2: 5 };
    expect(compute(data, ['=CELL("address",D1)', '=CELL("row",E2)', '=CELL("col",E2)', '=CELL("contents",E2)', '=CELL("type",D1)', '=CELL("type",E2)', '=CELL("type",F9)', '=CELL("address",INDIRECT("B7"))'])).toEqual(['$D$1', 2, 5, 5, 'l', 'v', 'b', '$B$7']);
  });
});

describe('LINEST, LOGEST, TREND and GROWTH (expected values cached in the compat workbooks)', () => {
  const data = { A1: 0.2, A2: 0.41, A3: 0.62, A4: 0.8, A5: 1.1, B1: 1.1, B2: 1.9, B3: 3.1, B4: 4.05, B5: 5 };
  const close = (got: unknown[][], excel: number[][]) => got.forEach((row, i) => row.forEach((v, j) => (excel[i][j] === 0 ? expect(v).toBe(0) : expect((v as number) / excel[i][j]).toBeCloseTo(1, 9))));
  it('coefficients with and without a constant, x defaulting to 1, 2, …', () => {
    close(spill(data, '=LINEST(A1:A5,B1:B5)', 2, 1), [[0.21928887993553592, -3.8445306204673679e-2]]);
    close(spill(data, '=LINEST(A1:A5)', 2, 1), [[0.21900000000000006, -3.1000000000000028e-2]]);
    close(spill(data, '=LINEST(A1:A5,B1:B5,FALSE())', 2, 1), [[0.20885684860968076, 0]]);
    close(spill(data, '=LOGEST(A1:A5,B1:B5)', 2, 1), [[1.5022613087018739, 0.15653044951525133]]);
    close(spill(data, '=LOGEST(A1:A5,B1:B5,FALSE())', 2, 1), [[0.9082429233796212, 1]]);
  });

  it('the statistics rows', () => {
    close(spill(data, '=LINEST(A1:A5,B1:B5,,TRUE())', 2, 5), [
      [0.21928887993553592, -3.8445306204673679e-2],
      [1.3841437712295469e-2, 4.6252982024237929e-2],
      [0.98818889821919009, 4.3612610914523682e-2],
      [250.99831918087844, 3],
      [0.47741382050765524, 5.7061794923448901e-3],
    ]);
    close(spill(data, '=LOGEST(A1:A5,B1:B5,,TRUE())', 2, 5), [
      [1.5022613087018739, 0.15653044951525133],
      [5.7281933851235867e-2, 0.19141510526621522],
      [0.94390101163687179, 0.18048809274099084],
      [50.47690016406407, 3],
      [1.6443330577367574, 9.7727854863841529e-2],
    ]);
  });

  it('TREND and GROWTH follow the fitted line and curve', () => {
    const [t] = spill(data, '=TREND(A1:A5,B1:B5,6)', 1, 1)[0];
    expect(t).toBeCloseTo(0.21928887993553592 * 6 - 3.8445306204673679e-2, 9);
    const [g] = spill(data, '=GROWTH(A1:A5,B1:B5,6)', 1, 1)[0];
    expect(g).toBeCloseTo(0.15653044951525133 * 1.5022613087018739 ** 6, 9);
  });
});
