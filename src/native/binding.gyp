{
  "targets": [
    {
      "target_name": "magneuro_native",
      "sources": ["module.c", "spikes.c", "skyrmion_pairs.c", "snn_layers.c", "dwmtj_neurons.c"],
      "cflags": ["-O3", "-march=native", "-ffp-contract=off", "-fno-fast-math", "-std=gnu11"],
      "xcode_settings": {
        "OTHER_CFLAGS": ["-O3", "-ffp-contract=off", "-std=gnu11"]
      }
    }
  ]
}
