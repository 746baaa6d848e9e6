package commission

import "sort"

// Input is everything of a program that commissions depend on.
type Input struct {
	Settings Settings
	Partners []Partner
	Orders   []Order
	Links    []Link
	Leads    []Lead
}

// Output is every line, every order's attribution and every customer's link.
type Output struct {
	Lines        []Line
	Attributions map[int64]Attribution
	Links        map[int64]Attribution // customer → partner and reason (signup, lead, manual, order)
}

// Compute runs the engine over a whole program in memory: the same two steps the store takes
// in chunks (each customer's history, then each partner's sales for their tiers). Lines come
// sorted by key, so that two computations compare line by line.
func Compute(in Input) Output {
	e := New(in.Settings, in.Partners)
	out := Output{Attributions: map[int64]Attribution{}, Links: map[int64]Attribution{}}
	histories := map[int64]*History{}
	var alone []Order
	for _, o := range in.Orders {
		if o.Customer == 0 {
			alone = append(alone, o)
			continue
		}
		h := histories[o.Customer]
		if h == nil {
			h = &History{Customer: o.Customer}
			histories[o.Customer] = h
		}
		h.Orders = append(h.Orders, o)
	}
	for _, l := range in.Links {
		if h := histories[l.Customer]; h != nil {
			h.Links = append(h.Links, l)
		}
	}
	leadByEmail := map[string]Lead{}
	for _, l := range in.Leads {
		leadByEmail[l.Email] = l
	}
	usedLeads := map[int64]bool{}
	var sales []Sale
	run := func(h History) {
		r := e.Customer(h)
		out.Lines = append(out.Lines, r.Lines...)
		sales = append(sales, r.Sales...)
		for _, a := range r.Attributions {
			out.Attributions[a.Order] = a
		}
		if h.Customer != 0 && r.LinkPartner != 0 {
			out.Links[h.Customer] = Attribution{Partner: r.LinkPartner, Reason: r.LinkReason}
		}
	}
	for _, h := range histories {
		if email := h.Orders[0].Email; email != "" {
			if l, ok := leadByEmail[email]; ok {
				h.Lead, usedLeads[l.ID] = &l, true
			}
		}
		run(*h)
	}
	for _, o := range alone {
		run(History{Orders: []Order{o}})
	}
	for _, l := range in.Leads {
		if !usedLeads[l.ID] {
			if line, ok := e.LeadLine(l, nil); ok {
				out.Lines = append(out.Lines, line)
			}
		}
	}
	out.Lines = append(out.Lines, e.Sales(sales)...)
	sort.Slice(out.Lines, func(i, j int) bool { return out.Lines[i].Key < out.Lines[j].Key })
	return out
}
