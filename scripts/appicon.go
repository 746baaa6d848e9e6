//go:build ignore

// appicon draws Partnerbook's icon (the window's "P" in its rounded green square, with two
// linked rings for the partners) and writes build/appicon.png (1024 px, which the desktop
// build turns into each platform's icon) and build/windows/icon.ico (256, 64, 48, 32 and
// 16 px). Run from the repository's root: go run scripts/appicon.go
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var (
	green = color.NRGBA{0x2f, 0x6f, 0x5e, 0xff} // the app's primary colour
	deep  = color.NRGBA{0x25, 0x5a, 0x4c, 0xff}
	mint  = color.NRGBA{0x9f, 0xe0, 0xc6, 0xff}
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

func main() {
	const n = 1024
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	// A rounded square, darker towards the bottom.
	const margin, radius = 64.0, 200.0
	for y := 0; y < n; y++ {
		t := float64(y) / n
		c := mix(green, deep, t)
		for x := 0; x < n; x++ {
			if a := roundedCover(float64(x)+0.5, float64(y)+0.5, margin, n-margin, radius); a > 0 {
				img.SetNRGBA(x, y, withAlpha(c, a))
			}
		}
	}
	drawP(img)
	// Two linked rings at the lower right: the shop and its partner.
	ring(img, 700, 735, 92, 30, mint)
	ring(img, 800, 735, 92, 30, white)
	write("build/appicon.png", pngBytes(img))
	write("build/windows/icon.ico", ico(img, 256, 64, 48, 32, 16))
}

func drawP(img *image.NRGBA) {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		log.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 640, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		log.Fatal(err)
	}
	d := &font.Drawer{Dst: img, Src: image.NewUniform(white), Face: face}
	w := d.MeasureString("P")
	d.Dot = fixed.Point26_6{X: fixed.I(470) - w/2, Y: fixed.I(740)}
	d.DrawString("P")
}

// ring draws a ring of centre (cx, cy), radius r and thickness w, antialiased.
func ring(img *image.NRGBA, cx, cy, r, w float64, c color.NRGBA) {
	for y := int(cy - r - w); y <= int(cy+r+w); y++ {
		for x := int(cx - r - w); x <= int(cx+r+w); x++ {
			d := math.Abs(math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy) - r)
			a := clamp(w/2 + 0.5 - d)
			if a > 0 {
				img.SetNRGBA(x, y, over(img.NRGBAAt(x, y), withAlpha(c, a)))
			}
		}
	}
}

// roundedCover is how much of the pixel at (x, y) the rounded square [lo, hi]² covers.
func roundedCover(x, y, lo, hi, r float64) float64 {
	cx := math.Max(lo+r, math.Min(x, hi-r))
	cy := math.Max(lo+r, math.Min(y, hi-r))
	return clamp(r + 0.5 - math.Hypot(x-cx, y-cy))
}

func clamp(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}

func withAlpha(c color.NRGBA, a float64) color.NRGBA { c.A = uint8(a*255 + 0.5); return c }

// over puts src over dst (both not premultiplied).
func over(dst, src color.NRGBA) color.NRGBA {
	sa, da := float64(src.A)/255, float64(dst.A)/255
	oa := sa + da*(1-sa)
	if oa == 0 {
		return color.NRGBA{}
	}
	ch := func(s, d uint8) uint8 { return uint8((float64(s)*sa+float64(d)*da*(1-sa))/oa + 0.5) }
	return color.NRGBA{ch(src.R, dst.R), ch(src.G, dst.G), ch(src.B, dst.B), uint8(oa*255 + 0.5)}
}

func pngBytes(img image.Image) []byte {
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

// ico writes an ICO file whose images are PNGs (as Windows takes them since Vista).
func ico(src image.Image, sizes ...int) []byte {
	var head, body bytes.Buffer
	binary.Write(&head, binary.LittleEndian, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for _, s := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, s, s))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		p := pngBytes(dst)
		dim := uint8(s)
		if s >= 256 {
			dim = 0 // 0 means 256
		}
		head.Write([]byte{dim, dim, 0, 0})
		binary.Write(&head, binary.LittleEndian, [2]uint16{1, 32})
		binary.Write(&head, binary.LittleEndian, [2]uint32{uint32(len(p)), uint32(offset)})
		offset += len(p)
		body.Write(p)
	}
	return append(head.Bytes(), body.Bytes()...)
}

func write(path string, b []byte) {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}
