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
