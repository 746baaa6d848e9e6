package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"partnerbook/backend/domain"
	"partnerbook/backend/importer"
)

var partnerFlags = map[string]flagKind{"program": valueFlag, "name": valueFlag, "email": valueFlag, "key": valueFlag,
	"coupon": repeatFlag, "parent": valueFlag, "status": valueFlag, "address": valueFlag, "country": valueFlag,
	"vat-id": valueFlag, "vat": valueFlag, "language": valueFlag, "paypal-email": valueFlag, "iban": valueFlag}

func init() {
	register(
		command{path: "partner add", flags: partnerFlags, run: runPartnerAdd,
			usage: "partner add --program P --name N --email E --key K [--coupon C]... [--parent K] [--status active|pending|suspended] [--address A] [--country CC] [--vat-id V] [--vat domestic|reverse_charge|exempt|none|auto] [--language en|de] [--paypal-email E] [--iban I]"},
		command{path: "partner update", flags: partnerFlags, run: runPartnerUpdate,
			usage: "partner update --program P --key K [--name N] [--email E] [--coupon C]... [--parent K] [--status S] [...any flag of add]"},
		command{path: "partner list", flags: withCSV(map[string]flagKind{"program": valueFlag, "search": valueFlag, "status": valueFlag}),
			usage: "partner list --program P [--search TEXT] [--status S] [--csv [--out FILE]]", run: runPartnerList},
		command{path: "import partners", flags: map[string]flagKind{"program": valueFlag},
			usage: "import partners --program P FILE.csv", run: runImportPartners},
	)
}

func partnerPatch(c *call, withKey bool) domain.PartnerPatch {
	p := domain.PartnerPatch{Name: c.args.opt("name"), Email: c.args.opt("email"), Parent: c.args.opt("parent"),
		Status: c.args.opt("status"), Address: c.args.opt("address"), Country: c.args.opt("country"),
		VATID: c.args.opt("vat-id"), Language: c.args.opt("language"), PaypalEmail: c.args.opt("paypal-email"),
		IBAN: c.args.opt("iban"), VATTreatment: c.args.opt("vat")}
	if withKey {
		p.Key = c.args.opt("key")
	}
	if c.args.set["coupon"] {
		coupons := []string{}
		for _, v := range c.args.vals["coupon"] {
			for _, part := range strings.Split(v, ",") {
				if part = strings.TrimSpace(part); part != "" {
					coupons = append(coupons, part)
				}
			}
		}
		p.Coupons = &coupons
	}
	return p
}

func runPartnerAdd(c *call) error {
	if err := c.args.need("program", "name", "email", "key"); err != nil {
		return err
	}
	prog, err := c.program()
	if err != nil {
		return err
	}
	p, err := c.app.Store.AddPartner(c.ctx, prog.ID, partnerPatch(c, true))
	if err != nil {
		return err
	}
	return c.out(map[string]any{"partner": p}, func(w io.Writer) {
		fmt.Fprintf(w, "Partner %s (%s) added.\n", p.Key, p.Name)
	})
}

func runPartnerUpdate(c *call) error {
	if err := c.args.need("program", "key"); err != nil {
		return err
	}
	prog, err := c.program()
	if err != nil {
		return err
	}
	p, err := c.app.Store.UpdatePartner(c.ctx, prog.ID, c.args.get("key"), partnerPatch(c, false))
	if err != nil {
		return err
	}
	return c.out(map[string]any{"partner": p}, func(w io.Writer) {
		fmt.Fprintf(w, "Partner %s updated.\n", p.Key)
	})
}

func runPartnerList(c *call) error {
	prog, err := c.program()
	if err != nil {
		return err
	}
	f := domain.PartnerFilter{ProgramID: prog.ID, Search: c.args.get("search"), Status: c.args.get("status")}
	if done, err := c.exportCSV(func(w io.Writer) error { return c.app.Store.ExportPartners(c.ctx, f, w) }); done {
		return err
	}
	ps, _, err := c.app.Store.ListPartners(c.ctx, f)
	if err != nil {
		return err
	}
	return c.out(map[string]any{"partners": ps}, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "KEY\tNAME\tEMAIL\tSTATUS\tCOUPONS\tPARENT\tCOUNTRY\tVAT")
		for _, p := range ps {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Key, p.Name, p.Email, p.Status,
				strings.Join(p.Coupons, ";"), p.Parent, p.Country, vatColumn(p))
		}
		tw.Flush()
	})
}

// vatColumn is a partner's VAT treatment as --vat takes it, marked "(auto)" when it was derived
// from the countries and the VAT id rather than chosen.
func vatColumn(p domain.Partner) string {
	if p.VATTreatmentSet {
		return p.VATTreatment
	}
	return p.VATTreatment + " (auto)"
}

// programFile finds the --program of an import command and opens its one FILE; the caller
// closes the file.
func (c *call) programFile() (domain.Program, *os.File, string, error) {
	prog, err := c.program()
	if err != nil {
		return prog, nil, "", err
	}
	path, err := c.importFile()
	if err != nil {
		return prog, nil, "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return prog, nil, "", domain.Errorf(domain.EInvalid, "cannot read %s: %v", path, err)
	}
	return prog, f, filepath.Base(path), nil
}

// importFile is the one FILE an import command reads.
func (c *call) importFile() (string, error) {
	if len(c.args.words) != 1 {
		return "", usagef("give one FILE to import")
	}
	return c.args.words[0], nil
}

func runImportPartners(c *call) error {
	return runImport(c, importer.ReadPartners, c.app.Store.ImportPartners)
}

// runImport reads the one FILE of an import command and hands its rows to the store.
func runImport[R any](c *call, read func(string, io.Reader) ([]R, error),
	store func(context.Context, int64, string, []R) (domain.ImportResult, error)) error {
	prog, f, name, err := c.programFile()
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := read(name, f)
	if err != nil {
		return err
	}
	res, err := store(c.ctx, prog.ID, name, rows)
	if err != nil {
		return err
	}
	return c.out(res, func(w io.Writer) { printImport(w, name, res) })
}

func printImport(w io.Writer, name string, res domain.ImportResult) {
	fmt.Fprintf(w, "%s: %d rows: %d created, %d updated, %d unchanged (batch %d).\n",
		name, res.Rows, res.Created, res.Updated, res.Unchanged, res.Batch)
}
