from .dashboard import main

main()
