# Throughput and p99 latency per server, case and connection count (medians over rounds).
set terminal pngcairo size 1400,700 font "sans,10"
set output outfile
set multiplot layout 1,2
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.8
set xtics rotate by -45 scale 0
set grid ytics
unset key
set title "Throughput (requests/s, median over rounds)"
set logscale y
plot datafile using 2:xtic(1) lc rgb "#3b7dd8"
set title "p99 latency (ms, median over rounds)"
unset logscale y
plot datafile using 3:xtic(1) lc rgb "#d8733b"
unset multiplot
