package payfile

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
)

// Debtor is the shop's account the transfers are paid from.
type Debtor struct {
	Name string
	IBAN string
	BIC  string // optional: SEPA needs none within the EEA
}

// The pain.001.001.03 document, as much of it as a credit transfer batch needs.
type sepaDoc struct {
	XMLName xml.Name `xml:"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03 Document"`
	Init    sepaInit `xml:"CstmrCdtTrfInitn"`
}

type sepaInit struct {
	Header  sepaHeader  `xml:"GrpHdr"`
	Payment sepaPmtInfo `xml:"PmtInf"`
}

type sepaHeader struct {
	MsgID     string    `xml:"MsgId"`
	Created   string    `xml:"CreDtTm"`
	Count     int       `xml:"NbOfTxs"`
	Sum       string    `xml:"CtrlSum"`
	Initiator sepaParty `xml:"InitgPty"`
}

type sepaParty struct {
	Name string `xml:"Nm"`
}

type sepaAccount struct {
	IBAN string `xml:"Id>IBAN"`
}

// sepaAgent is a bank: its BIC, or Othr/Id NOTPROVIDED where the BIC is not given. Othr is a
// pointer: a nested tag path with omitempty still writes an empty <Othr/>, which the schema
// refuses.
type sepaAgent struct {
	Institution struct {
		BIC   string     `xml:"BIC,omitempty"`
		Other *sepaOther `xml:"Othr,omitempty"`
	} `xml:"FinInstnId"`
}

type sepaOther struct {
	ID string `xml:"Id"`
}

type sepaPmtInfo struct {
	ID          string       `xml:"PmtInfId"`
	Method      string       `xml:"PmtMtd"`
	Batch       bool         `xml:"BtchBookg"`
	Count       int          `xml:"NbOfTxs"`
	Sum         string       `xml:"CtrlSum"`
	Service     string       `xml:"PmtTpInf>SvcLvl>Cd"`
	Execution   string       `xml:"ReqdExctnDt"`
	Debtor      sepaParty    `xml:"Dbtr"`
	DebtorAcct  sepaAccount  `xml:"DbtrAcct"`
	DebtorAgent sepaAgent    `xml:"DbtrAgt"`
	Charges     string       `xml:"ChrgBr"`
	Transfers   []sepaCredit `xml:"CdtTrfTxInf"`
}

type sepaAmount struct {
	Currency string `xml:"Ccy,attr"`
	Value    string `xml:",chardata"`
}

type sepaCredit struct {
	EndToEnd   string      `xml:"PmtId>EndToEndId"`
	Amount     sepaAmount  `xml:"Amt>InstdAmt"`
	Creditor   sepaParty   `xml:"Cdtr"`
	CreditAcct sepaAccount `xml:"CdtrAcct"`
	Remittance string      `xml:"RmtInf>Ustrd"`
}

// SEPA writes a SEPA credit transfer (pain.001.001.03) of EUR payments to IBANs: one payment
// information block, executed on day (YYYY-MM-DD). The message id and the creation time come
// from the run, so the same run gives the same file.
func SEPA(w io.Writer, d Debtor, msgID string, created time.Time, day string, ps []Payment, reference string) error {
	if err := domain.CheckIBAN(domain.NormalizeIBAN(d.IBAN)); err != nil {
		return fmt.Errorf("payfile: the shop's IBAN (setting company.iban): %w", err)
	}
	sum := decimal.Zero
	var credits []sepaCredit
	for _, p := range ps {
		if p.Currency != "EUR" {
			return fmt.Errorf("payfile: SEPA pays EUR only, not %s (%s)", p.Currency, p.Key)
		}
		iban := domain.NormalizeIBAN(p.IBAN)
		if err := domain.CheckIBAN(iban); err != nil {
			return fmt.Errorf("payfile: %s: %w", p.Key, err)
		}
		amount, err := decimal.NewFromString(p.Amount)
		if err != nil || !amount.IsPositive() {
			return fmt.Errorf("payfile: %s: the amount %q is not a positive amount", p.Key, p.Amount)
		}
		if !amount.Equal(amount.Round(2)) {
			return fmt.Errorf("payfile: %s: the amount %s has more than two decimals", p.Key, p.Amount)
		}
		creditor := sepaText(p.Name, 70)
		if creditor == "" {
			return fmt.Errorf("payfile: %s: the name %q has no letter SEPA can write", p.Key, p.Name)
		}
		if sepaText(p.Number, 35) == "" {
			return fmt.Errorf("payfile: %s: the payout has no number", p.Key)
		}
		sum = sum.Add(amount)
		credits = append(credits, sepaCredit{EndToEnd: sepaText(p.Number, 35), Amount: sepaAmount{"EUR", amount.StringFixed(2)},
			Creditor: sepaParty{creditor}, CreditAcct: sepaAccount{iban},
			Remittance: sepaText(reference+" "+p.Number, 140)})
	}
	var agent sepaAgent
	if bic := domain.NormalizeBIC(d.BIC); bic != "" {
		if err := domain.CheckBIC(bic); err != nil {
			return fmt.Errorf("payfile: the shop's BIC (setting company.bic): %w", err)
		}
		agent.Institution.BIC = bic
	} else {
		agent.Institution.Other = &sepaOther{ID: "NOTPROVIDED"}
	}
	name := sepaText(d.Name, 70)
	if name == "" {
		return fmt.Errorf("payfile: the shop's name (setting company.name) is needed for a SEPA file")
	}
	if sepaText(msgID, 35) == "" {
		return fmt.Errorf("payfile: a SEPA file needs a message id")
	}
	doc := sepaDoc{Init: sepaInit{
		Header: sepaHeader{MsgID: sepaText(msgID, 35), Created: created.UTC().Format("2006-01-02T15:04:05"), Count: len(credits),
			Sum: sum.StringFixed(2), Initiator: sepaParty{name}},
		Payment: sepaPmtInfo{ID: sepaText(msgID, 35), Method: "TRF", Batch: true, Count: len(credits), Sum: sum.StringFixed(2),
			Service: "SEPA", Execution: day, Debtor: sepaParty{name}, DebtorAcct: sepaAccount{domain.NormalizeIBAN(d.IBAN)},
			DebtorAgent: agent, Charges: "SLEV", Transfers: credits}}}
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("payfile: sepa: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
