import '@payfect/react/styles.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { takeCheckoutReturn } from './checkout-return'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App returned={takeCheckoutReturn()} />
  </StrictMode>,
)
