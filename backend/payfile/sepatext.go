package payfile

import (
	"strings"

	"github.com/mozillazg/go-unidecode"
)

// sepaAllowed is the SEPA Latin character set of the EPC's implementation guidelines, the one
// every bank in the scheme must accept: a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
const sepaAllowed = "/-?:().,'+ "

// spelled are the German umlauts, which unidecode writes without their mark (ü → u) but German
// writes out when the mark is missing (Söhne → Soehne, Müller → Mueller), as German banks do.
var spelled = map[rune]string{'Ä': "Ae", 'Ö': "Oe", 'Ü': "Ue", 'ä': "ae", 'ö': "oe", 'ü': "ue"}

// sepaText writes s in the SEPA Latin character set and cuts it to n characters: letters of
// any script are transliterated by unidecode (Łukasz → Lukasz, Ἀθῆναι → Athenai, 王小明 →
// Wang Xiao Ming, Иван → Ivan), other characters become spaces, and runs of spaces one.
func sepaText(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		var part string
		switch {
		case spelled[r] != "":
			part = spelled[r]
		case r < 128:
			part = string(r)
		default:
			// unidecode writes a syllable with a space after it (王 → "Wang "), so that
			// ideographs keep word breaks.
			part = unidecode.Unidecode(string(r))
		}
		for _, c := range part {
			if sepaChar(c) {
				b.WriteRune(c)
			} else {
				b.WriteByte(' ')
			}
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if len(out) > n {
		out = strings.TrimSpace(out[:n])
	}
	return out
}

// sepaChar says whether c is in the SEPA Latin character set.
func sepaChar(c rune) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strings.ContainsRune(sepaAllowed, c)
}
