import type { ComponentProps, ComponentRef } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import {
  CheckoutButton,
  CheckoutError,
  CheckoutModal,
  formatAmount,
  useCheckoutReturn,
  useCheckoutStatus,
  useCreateCheckout,
  type Checkout,
  type CheckoutButtonStatus,
  type CheckoutErrorType,
  type CheckoutItem,
  type CheckoutStatus,
  type CheckoutSummary,
  type CreateCheckoutParams,
  type FallbackReason,
  type PayfectMessages,
  type PayfectProviderProps,
} from '../src/index'

describe('public types', () => {
  it('useCreateCheckout', () => {
    const result = useCreateCheckout()
    expectTypeOf(result.createCheckout).parameter(0).toEqualTypeOf<CreateCheckoutParams>()
    expectTypeOf(result.createCheckout).returns.toEqualTypeOf<Promise<Checkout>>()
    expectTypeOf(result.checkout).toEqualTypeOf<Checkout | undefined>()
    expectTypeOf(result.error).toEqualTypeOf<CheckoutError | undefined>()
    expectTypeOf(result.isCreating).toEqualTypeOf<boolean>()
    expectTypeOf(result.reset).toEqualTypeOf<() => void>()
  })

  it('useCheckoutStatus', () => {
    expectTypeOf(useCheckoutStatus).parameter(0).toEqualTypeOf<string | null | undefined>()
    const { status, checkout } = useCheckoutStatus('co_1')
    expectTypeOf(status).toEqualTypeOf<CheckoutStatus | undefined>()
    expectTypeOf(checkout).toEqualTypeOf<Checkout | undefined>()
    expectTypeOf<CheckoutStatus>().toEqualTypeOf<'open' | 'complete' | 'expired'>()
  })

  it('CheckoutButton', () => {
    type Props = ComponentProps<typeof CheckoutButton>
    expectTypeOf<Props['items']>().toEqualTypeOf<{ price: string; quantity?: number }[]>()
    expectTypeOf<Props['mode']>().toEqualTypeOf<'modal' | 'redirect' | 'popup' | 'auto' | undefined>()
    expectTypeOf<NonNullable<Props['onSuccess']>>().parameter(0).toEqualTypeOf<Checkout>()
    expectTypeOf<NonNullable<Props['onError']>>().parameter(0).toEqualTypeOf<CheckoutError>()
    expectTypeOf<ComponentRef<typeof CheckoutButton>>().toEqualTypeOf<HTMLButtonElement>()
    expectTypeOf<CheckoutButtonStatus>().toEqualTypeOf<'idle' | 'creating' | 'open' | 'confirming' | 'pending' | 'complete' | 'expired' | 'error' | 'fallback'>()
    expectTypeOf<NonNullable<Props['onFallback']>>().parameter(0).toEqualTypeOf<{ reason: FallbackReason }>()
    expectTypeOf<FallbackReason>().toEqualTypeOf<'frame-refused' | 'ready-timeout' | 'popup-blocked' | 'opened-by-shopper'>()
    // Props without `items` are not props: the error is about `items` alone (children is a valid ReactNode).
    expectTypeOf<{ children: string }>().not.toExtend<Props>()
    expectTypeOf<{ children: string; items: CheckoutItem[] }>().toExtend<Props>()
  })

  it('CheckoutModal', () => {
    type Props = ComponentProps<typeof CheckoutModal>
    expectTypeOf<Props['checkout']>().toEqualTypeOf<Checkout | null | undefined>()
    expectTypeOf<Props['open']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<NonNullable<Props['onOpenChange']>>().toEqualTypeOf<(open: boolean) => void>()
    expectTypeOf<ComponentRef<typeof CheckoutModal>>().toEqualTypeOf<HTMLDivElement>()
  })

  it('Checkout is the contract’s CheckoutSummary, with the server’s clock and hosted origin', () => {
    expectTypeOf<Checkout>().toEqualTypeOf<CheckoutSummary>()
    expectTypeOf<Checkout['serverTime']>().toEqualTypeOf<string>()
    expectTypeOf<Checkout['hostedOrigin']>().toEqualTypeOf<string>()
    expectTypeOf<Checkout['expiresAt']>().toEqualTypeOf<string | null>()
  })

  it('useCheckoutReturn', () => {
    const { phase, checkout } = useCheckoutReturn({ onSuccess: () => {} })
    expectTypeOf(phase).toEqualTypeOf<'open' | 'confirming' | 'pending' | 'complete' | 'expired' | undefined>()
    expectTypeOf(checkout).toEqualTypeOf<Checkout | undefined>()
  })

  it('provider options and errors', () => {
    expectTypeOf<PayfectProviderProps['checkoutOrigin']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<PayfectProviderProps['readyTimeoutMs']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<CheckoutError['code']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<PayfectProviderProps['createCheckout']>().toEqualTypeOf<((params: CreateCheckoutParams) => Promise<Checkout>) | undefined>()
    expectTypeOf<PayfectProviderProps['messages']>().toEqualTypeOf<Partial<PayfectMessages> | undefined>()
    expectTypeOf<CheckoutError['type']>().toEqualTypeOf<CheckoutErrorType>()
    expectTypeOf<CheckoutError['fields']>().toEqualTypeOf<Record<string, string[]> | undefined>()
    expectTypeOf<CheckoutError['status']>().toEqualTypeOf<number | undefined>()
    expectTypeOf(new CheckoutError({ type: 'network_error', message: 'x' })).toMatchTypeOf<Error>()
    expectTypeOf(formatAmount).toEqualTypeOf<(amount: string, currency: string, locale?: string) => string>()
  })
})
