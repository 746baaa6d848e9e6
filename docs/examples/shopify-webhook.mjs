// Relays a Shopify shop's order webhooks to Partnerbook's sync endpoint: each paid order
// becomes a sale, each refund a refund. Node 18 or later, no packages.
//
//   SHOPIFY_SECRET=…  PARTNERBOOK_URL=https://track.shop.example  PARTNERBOOK_KEY=sk_live_…  \
//     node shopify-webhook.mjs            # listens on 127.0.0.1:8790 (PORT to change)
//
// In Shopify's admin (Settings → Notifications → Webhooks) point "Order payment" and "Refund
// create" at this relay's public address (behind the same reverse proxy as the shop). The
// checkout passes the referral on as the cart attribute `ref` (see docs/sync.md); Partnerbook
// also finds the partner by the customer's e-mail (a tracked signup) or the coupon.
import { createServer } from 'node:http'
import { createHmac, timingSafeEqual } from 'node:crypto'

/** verify checks Shopify's signature: base64 HMAC-SHA256 of the raw body with the app's secret. */
export function verify(raw, signature, secret) {
  const want = createHmac('sha256', secret).update(raw).digest()
  const got = Buffer.from(String(signature || ''), 'base64')
  return got.length === want.length && timingSafeEqual(got, want)
}

/** saleFromOrder turns a Shopify order (orders/paid, orders/create) into a sale of sync.md. */
export function saleFromOrder(order) {
  const attr = (name) => (order.note_attributes || []).find((a) => a.name === name)?.value || ''
  return {
    order_id: String(order.id),
    customer: { email: order.email || order.customer?.email || '', key: order.customer?.id ? String(order.customer.id) : '' },
    amount: order.current_total_price || order.total_price, // decimal text, as Shopify sends it
    currency: order.currency,
    coupon: order.discount_codes?.[0]?.code || '',
    ref: attr('ref'),
    items: (order.line_items || []).map((l) => ({ sku: l.sku || '', name: l.name || l.title || '', quantity: l.quantity, price: l.price })),
    time: order.processed_at || order.created_at,
  }
}

/** refundFromShopify turns a Shopify refund (refunds/create) into a refund of sync.md. */
export function refundFromShopify(refund) {
  const paid = (refund.transactions || []).filter((t) => t.kind === 'refund' && t.status === 'success')
  return { order_id: String(refund.order_id), refund_id: String(refund.id), amount: sum(paid.map((t) => t.amount)), time: refund.created_at }
}

// sum adds decimal texts exactly, as many decimals as the most precise of them (never through
// floating point, which would turn 0.1 + 0.2 into 0.30000000000000004).
function sum(amounts) {
  let total = 0n, places = 0
  for (const a of amounts) places = Math.max(places, (String(a).split('.')[1] || '').length)
  for (const a of amounts) {
    const [whole, frac = ''] = String(a).replace('-', '').split('.')
    const v = BigInt(whole || '0') * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0') || '0')
    total += String(a).startsWith('-') ? -v : v
  }
  const abs = total < 0n ? -total : total, unit = 10n ** BigInt(places)
  const frac = places ? '.' + String(abs % unit).padStart(places, '0') : ''
  return `${total < 0n ? '-' : ''}${abs / unit}${frac}`
}

/** relay is the HTTP handler: verify, translate, forward; Shopify retries anything but 2xx. */
export function relay({ shopifySecret, endpoint, key }) {
  return async (req, res) => {
    const chunks = []
    let size = 0
    for await (const c of req) {
      size += c.length
      if (size > 1 << 20) { res.writeHead(413).end(); return }
      chunks.push(c)
    }
    const raw = Buffer.concat(chunks)
    if (req.method !== 'POST' || !verify(raw, req.headers['x-shopify-hmac-sha256'], shopifySecret)) {
      res.writeHead(401).end()
      return
    }
    const topic = req.headers['x-shopify-topic']
    let path, body
    try {
      const data = JSON.parse(raw)
      if (topic === 'orders/paid' || topic === 'orders/create') [path, body] = ['sale', saleFromOrder(data)]
      else if (topic === 'refunds/create') [path, body] = ['refund', refundFromShopify(data)]
    } catch {
      res.writeHead(400).end()
      return
    }
    if (!path) { res.writeHead(204).end(); return } // a topic this relay does not forward
    try {
      const r = await fetch(new URL('v1/track/' + path, endpoint), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + key },
        body: JSON.stringify(body),
      })
      // 2xx: stored (again, for a retried webhook: the same answer). 4xx: a body Partnerbook
      // refuses, which a retry will not mend; log it. 5xx or no answer: let Shopify retry.
      if (!r.ok) console.error(`partnerbook answered ${r.status} to order ${body.order_id}: ${await r.text()}`)
      res.writeHead(r.status >= 500 ? 502 : 200).end()
    } catch (e) {
      console.error(`partnerbook is unreachable: ${e.message}`)
      res.writeHead(502).end()
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = (n) => process.env[n] || (console.error(`set ${n}`), process.exit(2))
  const handler = relay({ shopifySecret: env('SHOPIFY_SECRET'), endpoint: env('PARTNERBOOK_URL').replace(/\/?$/, '/'), key: env('PARTNERBOOK_KEY') })
  createServer(handler).listen(Number(process.env.PORT || 8790), '127.0.0.1')
}
