import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'

// The react project runs on React 19, react-18 (vite.config.ts) on React 18: this says which ran.
describe('the React under test', () => {
  it('is the major the project names, with the same react-dom', () => {
    const major = process.env.PAYFECT_REACT_MAJOR ?? '19'
    expect(version.split('.')[0]).toBe(major)
    expect(domVersion).toBe(version)
  })
})
