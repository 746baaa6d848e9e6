package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
	"os"
	"os/exec"
	"testing"
)

// The build folder the desktop build reads is committed, with Partnerbook's own icon: the
// window's "P" on its green, not Wails' default.
func TestBuildFolder(t *testing.T) {
	icon, err := png.Decode(bytes.NewReader(appIcon))
	if err != nil {
		t.Fatalf("build/appicon.png: %v", err)
	}
	if b := icon.Bounds(); b.Dx() != 1024 || b.Dy() != 1024 {
		t.Errorf("build/appicon.png is %v, want 1024x1024", b)
	}
	// The square's top is the app's primary colour #2f6f5e (darkening downwards); the corner
	// is transparent.
	near := func(v uint32, want int) bool { d := int(v>>8) - want; return d >= -3 && d <= 3 }
	if r, g, b, _ := icon.At(512, 90).RGBA(); !near(r, 0x2f) || !near(g, 0x6f) || !near(b, 0x5e) {
		t.Errorf("the icon's colour is #%02x%02x%02x, want #2f6f5e", r>>8, g>>8, b>>8)
	}
	if _, _, _, a := icon.At(2, 2).RGBA(); a != 0 {
		t.Error("the icon's corner is not transparent")
	}
	ico, err := os.ReadFile("build/windows/icon.ico")
	if err != nil {
		t.Fatal(err)
	}
	var head [3]uint16
	if err := binary.Read(bytes.NewReader(ico), binary.LittleEndian, &head); err != nil || head[0] != 0 || head[1] != 1 || head[2] < 4 {
		t.Fatalf("build/windows/icon.ico is no icon file: %v %v", head, err)
	}
	size, offset := binary.LittleEndian.Uint32(ico[6+8:]), binary.LittleEndian.Uint32(ico[6+12:])
	first, _, err := image.Decode(bytes.NewReader(ico[offset : offset+size]))
	if err != nil || first.Bounds().Dx() != 256 {
		t.Errorf("the icon's first image: %v %v", first.Bounds(), err)
	}
	files := []string{"build/appicon.png", "build/windows/icon.ico", "build/windows/info.json", "build/windows/wails.exe.manifest",
		"build/darwin/Info.plist", "build/darwin/Info.dev.plist"}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
	// None of them is ignored by git (only build/bin, the build's output, is).
	if _, err := exec.LookPath("git"); err == nil {
		args := append([]string{"check-ignore", "--no-index"}, files...)
		if out, _ := exec.Command("git", args...).Output(); len(out) > 0 {
			t.Errorf("ignored by git: %s", out)
		}
		if err := exec.Command("git", "check-ignore", "-q", "--no-index", "build/bin/partnerbook").Run(); err != nil {
			t.Error("build/bin is not ignored")
		}
	}
}

// The zones are built into the program (time/tzdata), so that a laptop without the system's
// zone files computes a program's months and due days in its own zone, not in UTC.
func TestZonesAreBuiltIn(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	if !bytes.Contains(out, []byte("\ntime/tzdata\n")) {
		t.Error("main does not build the zones in: import _ \"time/tzdata\"")
	}
}
