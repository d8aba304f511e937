/**
 * The spec's sample inputs of D_Expense by SKU group name, the parameters (also every plan's
 * defaults) and the sensitivity drivers; SKU groups the sample does not have start from neutral
 * cost rates, their description saying they are sample values.
 */

export const EXPENSE_SAMPLE_SKUS: Readonly<Record<string, { description: string; costRate: number }>> = {
  P1a: { description: '常规球囊/支架 Standard balloons & stents', costRate: 0.5 },
  P1b: { description: '药物球囊 DCB (high-value)', costRate: 0.28 },
  P2: { description: '微创外科器械 MIS instruments', costRate: 0.35 },
  P3: { description: '智能监护设备 Smart monitoring', costRate: 0.4 },
  P4: { description: '远程心电 Remote ECG', costRate: 0.3 },
};

export const EXPENSE_NEUTRAL = {
  standard: { description: (line: string, en: boolean) => (en ? `${line} standard (sample cost rate)` : `${line} 常规产品 standard（示例成本率 sample rate）`), costRate: 0.5 },
  highValue: { description: (line: string, en: boolean) => (en ? `${line} high-value (sample cost rate)` : `${line} 高值产品 high-value（示例成本率 sample rate）`), costRate: 0.3 },
  line: { description: (line: string, en: boolean) => (en ? `${line} (sample cost rate)` : `${line}（示例成本率 sample rate）`), costRate: 0.4 },
} as const;

export const EXPENSE_PARAMS = { extraSubstitution: 0.05, expenseRatio: 0.2, weightTarget: 0.6 } as const;

export const SENSITIVITY_DRIVERS = [
  { id: 'price', label: ['价格', 'Price'], delta: 0.1 },
  { id: 'volume', label: ['销量', 'Volume'], delta: 0.1 },
  { id: 'unitCost', label: ['单位成本', 'Unit cost'], delta: 0.1 },
  { id: 'variableRate', label: ['变动费用率', 'Var. expense rate'], delta: 0.1 },
  { id: 'fixed', label: ['固定费用', 'Fixed expense'], delta: 0.1 },
  { id: 'mix', label: ['高值占比', 'HV mix (±pts)'], delta: 0.05 },
] as const;
