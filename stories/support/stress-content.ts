/** Content at the edges of what a store sends: the stress stories render it at 320 px. */
export const stress = {
  /** 80 characters. */
  longProductName: 'Hand-numbered anniversary edition hoodie in organic cotton, forest green, size L',
  /** 80 characters. */
  longMerchantName: 'The Long Named Independent Bookshop, Coffee House and Community Reading Room Co.',
  /** Twelve order lines. */
  lineItems: [
    'Espresso beans (1 kg)',
    'Ceramic pour-over dripper',
    'Paper filters (100)',
    'Gooseneck kettle',
    'Burr grinder',
    'Digital scale',
    'Travel mug',
    'Milk frother',
    'Tasting notebook',
    'Cleaning tablets',
    'Storage canister',
    'Gift wrapping',
  ],
} as const
