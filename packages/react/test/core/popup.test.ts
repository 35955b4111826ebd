// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { popupFeatures } from '../../src/core/popup'

describe('popupFeatures', () => {
  it('centres the popup over the opener', () => {
    expect(popupFeatures({ screenX: 100, screenY: 50, outerWidth: 1280, outerHeight: 900 })).toBe('popup,width=480,height=720,left=500,top=140')
  })

  it('shrinks to a small opener and never goes off the top-left of the screen', () => {
    expect(popupFeatures({ screenX: 0, screenY: 0, outerWidth: 400, outerHeight: 600 })).toBe('popup,width=400,height=600,left=0,top=0')
    expect(popupFeatures({ screenX: -2000, screenY: -100, outerWidth: 1000, outerHeight: 800 })).toMatch(/left=0,top=0$/)
  })
})
