package payout

// Company is a run's issuer with what else a run keeps of it: the language of the run's summary,
// the account the payment files debit, and the logo's file ("" for none).
type Company struct {
	Issuer
	Lang, IBAN, BIC, Logo string
}

// Series is a gap-free series of invoice numbers, counted per year: Key names it in the store,
// Prefix starts each of its numbers.
type Series struct {
	Key, Prefix string
}

// Number is the n-th number of the series in a year: 2026-0001, or SAMPLE-2026-0001.
func (s Series) Number(year, n int) string { return s.Prefix + Number(year, n) }

var (
	// ShopSeries is the series of the shop this data folder belongs to (the company of the
	// settings, whatever its name is or becomes): the numbers its bookkeeper files.
	ShopSeries = Series{Key: "company"}
	// SampleSeries numbers the sample program's invoices, apart from the shop's.
	SampleSeries = Series{Key: "sample", Prefix: "SAMPLE-"}
)

// SeriesOf is the series a stored key names: the sample's, or else the shop's (a run recorded
// before series had keys has none, and was the shop's).
func SeriesOf(key string) Series {
	if key == SampleSeries.Key {
		return SampleSeries
	}
	return ShopSeries
}

// SampleCompany is the invented shop that issues the sample program's runs. Everything in it
// is made up (the VAT id and the bank account have a valid form and belong to no one), and its
// name says it is a sample.
var SampleCompany = Company{
	Issuer: Issuer{Name: "Sample Coffee Roasters (sample)", Address: "Musterstraße 1\n10115 Berlin", Country: "DE",
		VATID: "DE999999999", VATRate: StandardRates["DE"]},
	IBAN: "DE02120300000000202051", BIC: "BYLADEM1001",
}

// Issue is who issues a run's invoices and in which series; Sample marks a run of the sample
// program, whose statements say they are samples and no invoices.
type Issue struct {
	Company
	Series Series
	Sample bool
}

// IssueOf says who issues a program's run. A real program's run is issued by the shop (the
// company of the settings) in the shop's series. The sample program's run is issued by
// SampleCompany in the sample series, in the shop's language: it needs none of the shop's
// settings and writes none, and it never takes a number from the shop's series, which stays
// gap-free for the books whether the sample is there or not.
func IssueOf(sample bool, shop Company) Issue {
	if !sample {
		return Issue{Company: shop, Series: ShopSeries}
	}
	c := SampleCompany
	c.Lang = shop.Lang
	return Issue{Company: c, Series: SampleSeries, Sample: true}
}
