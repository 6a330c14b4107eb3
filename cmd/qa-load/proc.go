package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// clockTick is the unit of the CPU times in /proc/PID/stat (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuWatch samples the CPU time of the processes a phase loads: the server, PostgreSQL (its
// postmaster, the backends it reaped and the live ones) and this process. Readings are
// best effort: a process that is not there reads as zero.
type cpuWatch struct {
	servePID, pgPID int
}

// cpuSample is one reading of the watched processes' CPU time.
type cpuSample struct {
	at                  time.Time
	serve, postgres, me time.Duration
}

// cpuUsage is the CPU time the watched processes used over a phase, in seconds, and the
// phase's wall time: with N cores, N*wall seconds are available.
type cpuUsage struct {
	WallSeconds     float64 `json:"wall_seconds"`
	ServeSeconds    float64 `json:"serve_cpu_seconds"`
	PostgresSeconds float64 `json:"postgres_cpu_seconds"`
	LoadSeconds     float64 `json:"load_cpu_seconds"`
}

func (w cpuWatch) sample() cpuSample {
	s := cpuSample{at: time.Now(), me: procCPU("self", false)}
	if w.servePID > 0 {
		s.serve = procCPU(strconv.Itoa(w.servePID), false)
	}
	if w.pgPID > 0 {
		s.postgres = procCPU(strconv.Itoa(w.pgPID), true)
		for _, child := range children(w.pgPID) {
			s.postgres += procCPU(strconv.Itoa(child), false)
		}
	}
	return s
}

// since returns the CPU used between an earlier sample and now.
func (w cpuWatch) since(before cpuSample) cpuUsage {
	now := w.sample()
	return cpuUsage{
		WallSeconds:     now.at.Sub(before.at).Seconds(),
		ServeSeconds:    (now.serve - before.serve).Seconds(),
		PostgresSeconds: (now.postgres - before.postgres).Seconds(),
		LoadSeconds:     (now.me - before.me).Seconds(),
	}
}

func (u cpuUsage) String() string {
	return fmt.Sprintf("CPU over %.0fs wall: qa serve %.1fs, postgres %.1fs, qa-load %.1fs (of %.0fs on %d cores; the rest went to other work on the machine or idled)",
		u.WallSeconds, u.ServeSeconds, u.PostgresSeconds, u.LoadSeconds, float64(runtime.NumCPU())*u.WallSeconds, runtime.NumCPU())
}

// procCPU reads the user+system CPU time of /proc/PID/stat, with the reaped children's when
// asked.
func procCPU(pid string, reaped bool) time.Duration {
	fields := statFields(pid)
	if len(fields) < 15 {
		return 0
	}
	// After the command name: field 3 is index 0, so utime (14) is index 11.
	n := 2
	if reaped {
		n = 4
	}
	var ticks int64
	for _, f := range fields[11 : 11+n] {
		v, _ := strconv.ParseInt(f, 10, 64)
		ticks += v
	}
	return time.Duration(ticks) * clockTick
}

// statFields returns the fields of /proc/PID/stat after the command name.
func statFields(pid string) []string {
	data, err := os.ReadFile(filepath.Join("/proc", pid, "stat"))
	if err != nil {
		return nil
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(s[i+1:])
}

// children lists the live child processes of pid.
func children(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []int
	parent := strconv.Itoa(pid)
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if f := statFields(e.Name()); len(f) > 1 && f[1] == parent {
			out = append(out, child)
		}
	}
	return out
}
