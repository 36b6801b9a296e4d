"""The demo municipality Esimerkkilä: its Excel exports of every kind (generate) and their import
into an empty database on first start (seed). Also the best examples of every file format."""
