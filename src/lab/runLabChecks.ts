// placeholder until the checks module lands
