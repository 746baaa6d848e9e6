package importer

// rowReader takes data rows from a table and counts them; every reader embeds it.
type rowReader struct {
	t    *Table
	rows int
}

// next reads the next data row; false at the end of the file.
func (r *rowReader) next() (bool, error) {
	ok, err := r.t.Next()
	if ok {
		r.rows++
	}
	return ok, err
}

// Rows is how many data rows were read so far.
func (r *rowReader) Rows() int { return r.rows }

// grouped walks a table whose orders span several consecutive rows that share a key column
// (Shopify's Name, the WooCommerce export's Order Number): first moves to an order's first
// row, then more says whether the next row still belongs to it.
type grouped struct {
	rowReader
	pending bool // the current record is the first row of the next order, already read
	done    bool
}

func (g *grouped) advance() (bool, error) {
	ok, err := g.next()
	if !ok {
		g.done = true
	}
	return ok, err
}

// first moves to the first row of the next order; false at the end of the file.
func (g *grouped) first() (bool, error) {
	if g.pending {
		g.pending = false
		return true, nil
	}
	if g.done {
		return false, nil
	}
	return g.advance()
}

// more reads the next row and says whether it belongs to the order whose key column is key.
func (g *grouped) more(col, key string) (bool, error) {
	ok, err := g.advance()
	if err != nil || !ok {
		return false, err
	}
	if g.t.Get(col) != key {
		g.pending = true
		return false, nil
	}
	return true, nil
}
