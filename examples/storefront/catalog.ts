/**
 * What the demo shop sells. One list shared by the server (which turns it into
 * the checkout handler's catalog, so prices are fixed server-side) and the React
 * app (which only displays it). Amounts are decimal strings, never floats.
 */

/** How a product's artwork is drawn: two gradient hues and a motif. */
export interface ProductArt {
  /** Start and end hue of the background gradient, in degrees. */
  hues: readonly [number, number]
  motif: 'rings' | 'grid' | 'orbit' | 'prism' | 'waves' | 'dots'
}

export interface Product {
  /** The catalog key the browser sends as `price`. */
  key: string
  name: string
  description: string
  /** Price of one unit as a decimal string, e.g. `"20.50"`. */
  unitAmount: string
  /**
   * `usdt`, or New Taiwan dollars spelled as Payfect's docs do (`TWD`): the shopper still pays
   * USDT, at the rate Payfect quotes on its page. One order, one currency.
   */
  currency: 'usdt' | 'TWD'
  /** A short label shown on the card ("Apparel", "Digital"). */
  category: string
  art: ProductArt
}

export const products: readonly Product[] = [
  {
    key: 'aurora-hoodie',
    name: 'Aurora Hoodie',
    description: 'Heavyweight organic cotton, brushed inside. Dyed in a slow gradient.',
    unitAmount: '48.00',
    currency: 'usdt',
    category: 'Apparel',
    art: { hues: [262, 320], motif: 'waves' },
  },
  {
    key: 'orbit-mug',
    name: 'Orbit Mug',
    description: 'Stoneware mug, 350 ml, glazed in deep space blue. Dishwasher safe.',
    unitAmount: '14.50',
    currency: 'usdt',
    category: 'Home',
    art: { hues: [205, 245], motif: 'orbit' },
  },
  {
    key: 'blockgrid-notebook',
    name: 'Blockgrid Notebook',
    description: 'A5, 160 dot-grid pages, lay-flat binding for ledgers and sketches.',
    unitAmount: '9.90',
    currency: 'usdt',
    category: 'Stationery',
    art: { hues: [150, 190], motif: 'grid' },
  },
  {
    key: 'prism-poster',
    name: 'Prism Poster',
    description: 'Giclée print on 300 g cotton rag, A2. Signed and numbered.',
    unitAmount: '18.75',
    currency: 'usdt',
    category: 'Art',
    art: { hues: [18, 48], motif: 'prism' },
  },
  {
    key: 'sticker-sheet',
    name: 'Sticker Sheet',
    description: 'Twelve matte vinyl stickers. Buy three: 3.30 USDT, to the cent.',
    unitAmount: '1.10',
    currency: 'usdt',
    category: 'Stationery',
    art: { hues: [340, 10], motif: 'dots' },
  },
  {
    key: 'pro-plan',
    name: 'Pro Plan · 1 month',
    description: 'Unlimited checkouts, priority callbacks and the analytics dashboard.',
    unitAmount: '20.50',
    currency: 'usdt',
    category: 'Digital',
    art: { hues: [228, 178], motif: 'rings' },
  },
  {
    key: 'alishan-oolong',
    name: 'Alishan Oolong · 150 g',
    description: 'High-mountain oolong from Chiayi, hand-rolled. Priced in New Taiwan dollars.',
    unitAmount: '880',
    currency: 'TWD',
    category: 'Tea',
    art: { hues: [95, 140], motif: 'waves' },
  },
  {
    key: 'night-market-tote',
    name: 'Night Market Tote',
    description: 'Canvas tote screen-printed in Taipei. Priced in New Taiwan dollars.',
    unitAmount: '450',
    currency: 'TWD',
    category: 'Apparel',
    art: { hues: [0, 30], motif: 'dots' },
  },
]

/** The product for a catalog key, or `undefined`. */
export function findProduct(key: string): Product | undefined {
  return products.find((p) => p.key === key)
}
