package gofpdf

// Partnerbook's patch (see PATCHES.md): a UTF-8 font parsed once, for many documents.

import (
	"bytes"
	"fmt"
)

// UTF8Font is a UTF-8 TrueType font parsed once, to be added to any number of documents with
// AddParsedUTF8Font, from several goroutines at once. Each document gets the definition
// AddUTF8FontFromBytes would make, so the same PDF bytes, without parsing the file and hashing
// its 65,536 glyph widths again; the subset of the glyphs a document uses is still cut when
// the document is written.
type UTF8Font struct {
	def fontDefType // as parsed; read only
	ttf []byte      // the file, copied for each document (subsetting writes into it)
}

// NewUTF8Font parses a UTF-8 TrueType font for the family and style given, as
// AddUTF8FontFromBytes takes them.
func NewUTF8Font(familyStr, styleStr string, utf8Bytes []byte) (*UTF8Font, error) {
	pdf := New("P", "mm", "A4", "")
	ttf := bytes.Clone(utf8Bytes)
	pdf.AddUTF8FontFromBytes(familyStr, styleStr, bytes.Clone(ttf))
	def, ok := pdf.fonts[getFontKey(fontFamilyEscape(familyStr), styleStr)]
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("gofpdf: not a TrueType font this package reads")
	}
	return &UTF8Font{def: def, ttf: ttf}, nil
}

// AddParsedUTF8Font adds a font parsed by NewUTF8Font, under the family and style it was parsed
// for, as AddUTF8FontFromBytes would add it.
func (f *Fpdf) AddParsedUTF8Font(font *UTF8Font) {
	if f.err != nil {
		return
	}
	if _, ok := f.fonts[font.def.Name]; ok {
		return
	}
	def := font.def
	file := *def.utf8File // its parsed values; subsetting replaces its tables, never changes them
	file.fileReader = &fileReader{array: bytes.Clone(font.ttf)}
	def.utf8File = &file
	if f.aliasNbPagesStr == "" {
		def.usedRunes = makeSubsetRange(57)
	} else {
		def.usedRunes = makeSubsetRange(32)
	}
	f.fonts[def.Name] = def
}
