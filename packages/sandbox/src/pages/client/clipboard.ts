// Copying text from a page script: the Clipboard API where the page may use it, else
// the old execCommand('copy') on a hidden textarea (an iframe without
// allow="clipboard-write", an older browser). Rejects when neither works.

export function copyText(text: string): Promise<void> {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).catch(() => legacyCopy(text))
  }
  return legacyCopy(text)
}

function legacyCopy(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    let ok = false
    try {
      ok = typeof document.execCommand === 'function' && document.execCommand('copy')
    } catch {
      ok = false
    }
    document.body.removeChild(area)
    if (ok) resolve()
    else reject(new Error('copy unavailable'))
  })
}
