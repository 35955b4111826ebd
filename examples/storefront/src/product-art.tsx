import type { ReactElement } from 'react'
import type { ProductArt as Art } from '../catalog'

/**
 * A product's picture, drawn as SVG from its two hues and a motif: no image
 * files, nothing fetched from another origin.
 */
export function ProductArt({ id, art }: { id: string; art: Art }) {
  const [a, b] = art.hues
  const bg = `art-bg-${id}`
  const glow = `art-glow-${id}`
  return (
    <svg className="product-art" viewBox="0 0 400 300" preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={bg} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={`hsl(${a} 85% 66%)`} />
          <stop offset="1" stopColor={`hsl(${b} 72% 48%)`} />
        </linearGradient>
        <radialGradient id={glow} cx="0.25" cy="0.2" r="0.8">
          <stop offset="0" stopColor="#fff" stopOpacity="0.55" />
          <stop offset="0.6" stopColor="#fff" stopOpacity="0" />
        </radialGradient>
      </defs>
      <rect width="400" height="300" fill={`url(#${bg})`} />
      <rect width="400" height="300" fill={`url(#${glow})`} />
      <g fill="none" stroke="#fff" strokeLinecap="round" strokeLinejoin="round">
        {motifs[art.motif]()}
      </g>
    </svg>
  )
}

const motifs: Record<Art['motif'], () => ReactElement> = {
  waves: () => (
    <>
      {[0, 1, 2, 3, 4].map((i) => (
        <path
          key={i}
          d={`M-20 ${170 + i * 26} C 60 ${130 + i * 26}, 140 ${210 + i * 26}, 220 ${170 + i * 26} S 360 ${130 + i * 26}, 420 ${170 + i * 26}`}
          strokeWidth={10 - i * 1.5}
          strokeOpacity={0.85 - i * 0.14}
        />
      ))}
      <circle cx="300" cy="92" r="34" fill="#fff" fillOpacity="0.9" stroke="none" />
    </>
  ),
  orbit: () => (
    <>
      <ellipse cx="200" cy="150" rx="150" ry="48" transform="rotate(-18 200 150)" strokeWidth="3" strokeOpacity="0.6" />
      <ellipse cx="200" cy="150" rx="110" ry="30" transform="rotate(24 200 150)" strokeWidth="3" strokeOpacity="0.45" />
      <circle cx="200" cy="150" r="46" fill="#fff" fillOpacity="0.92" stroke="none" />
      <circle cx="337" cy="108" r="11" fill="#fff" stroke="none" />
      <circle cx="104" cy="196" r="7" fill="#fff" fillOpacity="0.8" stroke="none" />
    </>
  ),
  grid: () => (
    <>
      {Array.from({ length: 4 }, (_row, row) =>
        Array.from({ length: 6 }, (_col, col) => (
          <rect
            key={`${row}-${col}`}
            x={62 + col * 46}
            y={62 + row * 46}
            width="34"
            height="34"
            rx="8"
            fill="#fff"
            fillOpacity={((row * 7 + col * 3) % 5) * 0.16 + 0.12}
            stroke="none"
          />
        )),
      )}
    </>
  ),
  prism: () => (
    <>
      <path d="M200 48 L300 236 L100 236 Z" fill="#fff" fillOpacity="0.88" stroke="none" />
      <path d="M40 170 L200 150" strokeWidth="5" strokeOpacity="0.9" />
      {[0, 1, 2, 3].map((i) => (
        <path key={i} d={`M246 150 L420 ${110 + i * 26}`} strokeWidth="7" strokeOpacity={0.9 - i * 0.17} />
      ))}
    </>
  ),
  dots: () => (
    <>
      {Array.from({ length: 7 }, (_row, row) =>
        Array.from({ length: 10 }, (_col, col) => {
          const r = 3 + ((row + col) % 4) * 3.2
          return <circle key={`${row}-${col}`} cx={24 + col * 40 + (row % 2) * 20} cy={28 + row * 42} r={r} fill="#fff" fillOpacity={0.2 + ((row * col) % 5) * 0.14} stroke="none" />
        }),
      )}
    </>
  ),
  rings: () => (
    <>
      {[110, 84, 58].map((r, i) => (
        <circle key={r} cx="200" cy="150" r={r} strokeWidth={6 - i} strokeOpacity={0.35 + i * 0.2} />
      ))}
      <circle cx="200" cy="150" r="30" fill="#fff" fillOpacity="0.95" stroke="none" />
    </>
  ),
}
