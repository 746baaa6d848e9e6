// Package gen writes large, realistic export files for benchmarks and crash tests: the same
// columns and quirks as the hand-written fixtures, many times over.
package gen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"
)

// ShopifyHeader is the header of Shopify's Orders → Export.
const ShopifyHeader = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References"

var products = []struct {
	sku, name string
	cents     int64
}{{"TOTE-01", "Linen Tote", 2489}, {"PIN-01", "Enamel Pin", 800}, {"NAP-04", "Linen Napkin", 2500},
	{"MUG-02", "Stoneware Mug", 1850}, {"APR-01", "Canvas Apron", 3900}}

// Shopify writes an export of n orders of lines line items each (n×lines rows), numbered from
// #first, one every few minutes from start in Europe/Berlin. Every 10th order uses a coupon,
// every 7th names a referral key in Note Attributes, every 20th is partly refunded, every 50th
// is pending (not a sale) and every 97th cancelled. The same arguments write the same bytes.
func Shopify(w io.Writer, first, n, lines int, start time.Time) error {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	header := strings.Split(ShopifyHeader, ",")
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, len(header))
	money := func(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }
	for k := 0; k < n; k++ {
		id := first + k
		name := fmt.Sprintf("#%d", id)
		email := fmt.Sprintf("customer%d@example.org", id%(n/3+1))
		when := start.Add(time.Duration(k) * 3 * time.Minute).In(berlin).Format("2006-01-02 15:04:05 -0700")
		var subtotal int64
		for l := 0; l < lines; l++ {
			p := products[(id+l)%len(products)]
			subtotal += p.cents * int64(1+l%2)
		}
		var discount int64
		code, notes, status, refunded, cancelled := "", "", "paid", int64(0), ""
		if id%10 == 0 {
			code, discount = "KIRA10", subtotal/10
		}
		if id%7 == 0 {
			notes = "utm_source: newsletter\nref: lena"
		}
		tax := (subtotal - discount) * 19 / 100
		total := subtotal - discount + 490 + tax
		switch {
		case id%50 == 0:
			status = "pending"
		case id%97 == 0:
			cancelled, status = when, "voided"
		case id%20 == 0:
			refunded, status = total/4, "partially_refunded"
		}
		for l := 0; l < lines; l++ {
			for i := range row {
				row[i] = ""
			}
			p := products[(id+l)%len(products)]
			row[col["Name"]], row[col["Email"]], row[col["Created at"]] = name, email, when
			row[col["Lineitem quantity"]] = fmt.Sprint(1 + l%2)
			row[col["Lineitem name"]], row[col["Lineitem price"]], row[col["Lineitem sku"]] = p.name, money(p.cents), p.sku
			row[col["Lineitem requires shipping"]], row[col["Lineitem taxable"]] = "true", "true"
			row[col["Lineitem fulfillment status"]], row[col["Lineitem discount"]] = "fulfilled", "0.00"
			if l == 0 {
				row[col["Financial Status"]], row[col["Paid at"]], row[col["Fulfillment Status"]] = status, when, "fulfilled"
				row[col["Accepts Marketing"]], row[col["Currency"]] = "no", "EUR"
				row[col["Subtotal"]], row[col["Shipping"]], row[col["Taxes"]] = money(subtotal-discount), "4.90", money(tax)
				row[col["Total"]], row[col["Discount Code"]], row[col["Discount Amount"]] = money(total), code, money(discount)
				row[col["Shipping Method"]], row[col["Billing Name"]] = "Standard", fmt.Sprintf("Customer %d", id%(n/3+1))
				row[col["Billing Zip"]], row[col["Billing Country"]], row[col["Shipping Zip"]] = "'10115", "DE", "'10115"
				row[col["Note Attributes"]], row[col["Cancelled at"]] = notes, cancelled
				row[col["Payment Method"]], row[col["Refunded Amount"]] = "Shopify Payments", money(refunded)
				row[col["Outstanding Balance"]], row[col["Id"]] = "0.00", fmt.Sprint(5630000000+id)
				row[col["Risk Level"]], row[col["Source"]] = "Low", "web"
				row[col["Tax 1 Name"]], row[col["Tax 1 Value"]] = "DE MwSt 19%", money(tax)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
